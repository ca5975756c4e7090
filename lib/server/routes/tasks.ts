import "server-only";
import { listTasks } from "@/lib/tasks/list-tasks";
import { taskQueryFromParams } from "@/lib/tasks/task-query-from-params";
import { upstream } from "@/lib/vod/upstream";
import { jsonOkShared } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/** GET /api/tasks: one page of a view's tasks, continued by its nextCursor. */
export const GET = withRoute(async ({ url }) => jsonOkShared(await listTasks(upstream(), taskQueryFromParams(url.searchParams), Date.now())));
