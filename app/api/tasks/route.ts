import { jsonError, jsonOkShared } from "@/lib/api/respond";
import { listTasks } from "@/lib/tasks/list-tasks";
import { taskQueryFromRequest } from "@/lib/tasks/query-from-request";
import { upstream } from "@/lib/vod/upstream";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    return jsonOkShared(await listTasks(upstream(), taskQueryFromRequest(request), Date.now()));
  } catch (error) {
    return jsonError(error);
  }
}
