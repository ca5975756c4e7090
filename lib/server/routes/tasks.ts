import "server-only";
import { listTasks } from "@/lib/tasks/list-tasks";
import { taskQueryFromParams } from "@/lib/tasks/task-query-from-params";
import { answeringWithin } from "@/lib/vod/gateway";
import { upstream } from "@/lib/vod/upstream";
import { jsonOkShared } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/**
 * GET /api/tasks: one page of a view's tasks, continued by its nextCursor. A failing upstream is
 * reported within a second while the gateway goes on retrying: the browser does not retry it again.
 */
export const GET = withRoute(async ({ url }) => jsonOkShared(await listTasks(answeringWithin(upstream()), taskQueryFromParams(url.searchParams), Date.now())));
