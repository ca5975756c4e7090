import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { Suspense } from "react";
import { getQueryClient } from "@/lib/client/get-query-client";
import { pageData } from "@/lib/server/page-data-link";
import { Dashboard } from "./_dashboard/dashboard";
import { DashboardSkeleton } from "./_dashboard/dashboard-skeleton";
import { prefetchFirstPage } from "./_dashboard/prefetch-first-page";

/**
 * The tasks dashboard. The server renders it for the URL's view with the first page of tasks
 * already in it, so the rows arrive with the HTML; the browser takes over from that cache.
 * What depends on the browser's clock and zone waits for the browser (see useHydrated).
 */
export default async function HomePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const queryClient = getQueryClient();
  const renderFailure = await prefetchFirstPage(queryClient, await searchParams);
  const config = (await pageData()).dashboardPageConfig();
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <Suspense fallback={<DashboardSkeleton />}>
        <Dashboard renderFailure={renderFailure} config={config} />
      </Suspense>
    </HydrationBoundary>
  );
}
