import "server-only";
import { getStats } from "@/lib/mirror/get-stats";
import { withStatsHistory } from "@/lib/tasks/stats-history";
import { taskQueryFromParams } from "@/lib/tasks/task-query-from-params";
import { jsonOk } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/**
 * GET /api/stats: statistics of a view, from the server-side mirror, and from the task store for
 * what is older than 72 hours; sort, limit and cursor are ignored.
 */
export const GET = withRoute(async ({ url }) => {
  const query = taskQueryFromParams(url.searchParams);
  return jsonOk(await withStatsHistory(await getStats(query), query, Date.now()));
});
