import "server-only";
import { invalidParameter } from "@/lib/api/errors";
import { checkTaskIdsVisible, scopedSubAppIds } from "@/lib/auth/app-scope";
import { mirrorFor } from "@/lib/mirror/registry";
import { unreadError } from "@/lib/mirror/unread-error";
import { isTaskId, TASK_ID_RULE } from "@/lib/model/task-id";
import { subAppIdFromParams } from "./get-task-detail";
import type { TaskUpdates } from "@/lib/model/task";

export const MAX_UPDATE_IDS = 200;
const WAIT_FOR_SYNC_MS = 1_000;

function idsFromParams(params: URLSearchParams): string[] {
  const values = params.getAll("ids").filter(Boolean);
  if (values.length === 0) throw invalidParameter("ids: must list the task IDs to read, separated by commas");
  if (values.length > 1) throw invalidParameter("ids: given more than once");
  const ids = values[0].split(",").filter(Boolean);
  if (ids.length > MAX_UPDATE_IDS) throw invalidParameter(`ids: at most ${MAX_UPDATE_IDS} task IDs at once`);
  if (!ids.every(isTaskId)) throw invalidParameter(`ids: must be task IDs of ${TASK_ID_RULE}`);
  return ids;
}

/**
 * GET /api/tasks/updates: the current status and times of tasks a page has loaded, from the
 * server's mirror. Keeping loaded rows live this way costs no upstream call however many pages a
 * reader has scrolled through, and the mirror's sync is shared by every viewer.
 */
export async function getTaskUpdates(params: URLSearchParams): Promise<TaskUpdates> {
  const ids = idsFromParams(params);
  const mirror = mirrorFor(subAppIdFromParams(params, scopedSubAppIds(params)));
  checkTaskIdsVisible(ids);
  await mirror.refresh({ waitMs: WAIT_FOR_SYNC_MS });
  const unread = unreadError(mirror);
  if (unread) throw unread;
  return { tasks: mirror.tasksByIds(ids), syncedAt: mirror.health().syncedAt };
}
