import path from "node:path";
import { buildDashboard, buildIsFresh } from "../../scripts/build-stamp";

/**
 * One production build before any worker starts its dashboard: each worker runs the launcher,
 * which would otherwise find the build stale and start building it in parallel with the others.
 */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, "..", "..");
  if (!buildIsFresh(root)) buildDashboard(root);
}
