import { Suspense } from "react";
import { Dashboard } from "./_dashboard/dashboard";
import { DashboardSkeleton } from "./_dashboard/dashboard-skeleton";

/**
 * The tasks dashboard. Everything on it depends on the query string and on the browser's clock
 * and zone, so it renders in the browser; the server sends a skeleton of the same shape.
 */
export default function HomePage() {
  return (
    <Suspense fallback={<DashboardSkeleton />}>
      <Dashboard />
    </Suspense>
  );
}
