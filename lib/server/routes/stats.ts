import "server-only";
import { getStats } from "@/lib/mirror/get-stats";
import { taskQueryFromParams } from "@/lib/tasks/task-query-from-params";
import { jsonOk } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/** GET /api/stats: statistics of a view, from the server-side mirror; sort, limit and cursor are ignored. */
export const GET = withRoute(async ({ url }) => jsonOk(await getStats(taskQueryFromParams(url.searchParams))));
