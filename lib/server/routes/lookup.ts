import "server-only";
import { checkTaskIdsVisible, scopedSubAppIds } from "@/lib/auth/app-scope";
import { invalidParameter } from "@/lib/api/errors";
import { readParams } from "@/lib/filters/read-params";
import { taskQueryParams } from "@/lib/filters/task-query";
import { lookupId } from "@/lib/tasks/lookup-id";
import { answeringWithin } from "@/lib/vod/gateway";
import { upstream } from "@/lib/vod/upstream";
import { jsonOk } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/**
 * GET /api/lookup?id=…: where a pasted TaskId, FileId or SessionId leads, across the applications
 * the caller may see (`subAppId`, if given, is searched first). A TaskId of an app the caller may
 * not see is a 403, as on the detail route.
 */
export const GET = withRoute(async ({ url }) => {
  const apps = scopedSubAppIds(url.searchParams);
  const id = (url.searchParams.get("id") ?? "").trim();
  checkTaskIdsVisible([id]);
  const given = readParams({ subAppId: taskQueryParams.subAppId }, url.searchParams, {}, { subAppIds: apps });
  if (!given.ok) throw invalidParameter(given.message);
  const preferred = given.value.subAppId as number | undefined;
  return jsonOk(await lookupId(answeringWithin(upstream()), id, apps, preferred));
});
