import { isoSeconds } from "@/lib/model/iso-time";
import type { Task } from "@/lib/model/task";
import type { UpstreamTask } from "./response-shapes";
import { ZERO_TIME } from "./wire";

/** An upstream time as epoch ms in whole seconds; null for "not yet" (zero time, empty) or anything unreadable. */
export function upstreamTimeMs(value: string | null | undefined): number | null {
  if (!value || value === ZERO_TIME || value.startsWith("0001-")) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? Math.floor(ms / 1_000) * 1_000 : null;
}

/** Upstream's zero time and empty strings mean "not yet"; anything unreadable is not a time either. */
export function normalizeTime(value: string | null | undefined): string | null {
  const ms = upstreamTimeMs(value);
  return ms === null ? null : isoSeconds(ms);
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
