import { isoSeconds } from "@/lib/model/iso-time";
import type { Task } from "@/lib/model/task";
import type { UpstreamTask } from "./response-shapes";
import { ZERO_TIME } from "./wire";

/** Upstream's zero time and empty strings mean "not yet"; anything unreadable is not a time either. */
export function normalizeTime(value: string | null | undefined): string | null {
  if (!value || value === ZERO_TIME || value.startsWith("0001-")) return null;
  const ms = Date.parse(value);
  if (!Number.isFinite(ms)) return null;
  return isoSeconds(ms);
}

export function normalizeTask(task: UpstreamTask): Task {
  return {
    taskId: task.TaskId,
    taskType: task.TaskType,
    status: task.Status,
    fileId: task.FileId,
    createTime: normalizeTime(task.CreateTime),
    beginProcessTime: normalizeTime(task.BeginProcessTime),
    finishTime: normalizeTime(task.FinishTime),
    sessionId: task.SessionId,
    sessionContext: task.SessionContext,
  };
}
