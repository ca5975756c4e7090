import { jsonError, jsonOk } from "@/lib/api/respond";
import { serverEnv } from "@/lib/config/server-env";
import { getTaskDetail, parseTaskId, subAppIdFromRequest } from "@/lib/tasks/get-task-detail";
import { upstream } from "@/lib/vod/upstream";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ taskId: string }> }): Promise<Response> {
  try {
    const taskId = parseTaskId((await context.params).taskId);
    const subAppId = subAppIdFromRequest(request, serverEnv().subAppIds);
    return jsonOk(await getTaskDetail(upstream(), taskId, subAppId));
  } catch (error) {
    return jsonError(error);
  }
}
