import "server-only";
import { checkTaskIdsVisible, scopedSubAppIds } from "@/lib/auth/app-scope";
import { getTaskDetail, requireTaskId, subAppIdFromParams } from "@/lib/tasks/get-task-detail";
import { upstream } from "@/lib/vod/upstream";
import { jsonOk } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/** GET /api/tasks/{taskId}: the task's detail from DescribeTaskDetail, with its outcome. */
export const GET = withRoute(async ({ url, params }) => {
  const taskId = requireTaskId(params.taskId ?? "");
  const subAppId = subAppIdFromParams(url.searchParams, scopedSubAppIds(url.searchParams));
  checkTaskIdsVisible([taskId]);
  return jsonOk(await getTaskDetail(upstream(), taskId, subAppId));
});
