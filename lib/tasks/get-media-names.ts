import "server-only";
import { invalidParameter } from "@/lib/api/errors";
import { scopedSubAppIds } from "@/lib/auth/app-scope";
import { taskQueryParams } from "@/lib/filters/task-query";
import type { MediaNames } from "@/lib/model/media-names";
import { mediaNames } from "@/lib/vod/media-names";
import { subAppIdFromParams } from "./get-task-detail";

export const MAX_NAME_IDS = 100;
/** How long a person waits for names not known yet; the lookup goes on behind the answer. */
const WAIT_FOR_NAMES_MS = 2_000;

function fileIdsFromParams(params: URLSearchParams): string[] {
  const values = params.getAll("fileIds").filter(Boolean);
  if (values.length === 0) throw invalidParameter("fileIds: must list the file IDs to name, separated by commas");
  if (values.length > 1) throw invalidParameter("fileIds: given more than once");
  const ids = [...new Set(values[0].split(",").filter(Boolean))];
  if (ids.length === 0) throw invalidParameter("fileIds: must list the file IDs to name, separated by commas");
  if (ids.length > MAX_NAME_IDS) throw invalidParameter(`fileIds: at most ${MAX_NAME_IDS} file IDs at once`);
  const bad = ids.find((id) => taskQueryParams.fileId.parse(id) === null);
  if (bad !== undefined) throw invalidParameter(`fileIds: each must be ${taskQueryParams.fileId.expected}`);
  return ids;
}

/**
 * GET /api/media-names: the names of files of one app the identity may see (a 403 first for
 * another app's `subAppId`), asked of that app only, so no other app's name can come back.
 */
export async function getMediaNames(params: URLSearchParams): Promise<MediaNames> {
  const subAppId = subAppIdFromParams(params, scopedSubAppIds(params));
  const fileIds = fileIdsFromParams(params);
  const found = await mediaNames().names(subAppId, fileIds, WAIT_FOR_NAMES_MS);
  return { names: Object.fromEntries(found.names), unknown: found.unknown };
}
