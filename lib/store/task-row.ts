import { statusRank } from "@/lib/model/status";
import type { Outcome, TaskDetail } from "@/lib/model/task";
import { upstreamTimeMs } from "@/lib/vod/normalize-task";
import type { UpstreamTask } from "@/lib/vod/response-shapes";

/** A task as the store keeps it: times as epoch ms (null: not yet), with its outcome once known. */
export interface TaskRow {
  taskId: string;
  /** 0 for the account's default application. */
  subAppId: number;
  taskType: string;
  status: string;
  fileId: string;
  createTime: number;
  beginTime: number | null;
  finishTime: number | null;
  sessionId: string;
  sessionContext: string;
  outcome: Outcome;
  errorCode: string | null;
  message: string | null;
}

const ms = upstreamTimeMs;

export const appKey = (subAppId: number | undefined): number => subAppId ?? 0;

/** An aborted task failed without a lookup (README: ABORTED counts as failed). */
function impliedOutcome(status: string): Pick<TaskRow, "outcome" | "errorCode" | "message"> {
  return status === "ABORTED" ? { outcome: "failed", errorCode: "ABORTED", message: "The task was aborted." } : { outcome: null, errorCode: null, message: null };
}

/** A DescribeTasks record; null when it has no CreateTime and so no place in any window. */
export function rowFromUpstream(subAppId: number | undefined, task: UpstreamTask): TaskRow | null {
  const createTime = ms(task.CreateTime);
  if (createTime === null) return null;
  return {
    taskId: task.TaskId, subAppId: appKey(subAppId), taskType: task.TaskType, status: task.Status, fileId: task.FileId,
    createTime, beginTime: ms(task.BeginProcessTime), finishTime: ms(task.FinishTime),
    sessionId: task.SessionId, sessionContext: task.SessionContext, ...impliedOutcome(task.Status),
  };
}

/** A DescribeTaskDetail answer, normalised: the task plus its outcome. */
export function rowFromDetail(subAppId: number | undefined, detail: TaskDetail): TaskRow | null {
  const createTime = ms(detail.createTime);
  if (createTime === null) return null;
  return {
    taskId: detail.taskId, subAppId: appKey(subAppId), taskType: detail.taskType, status: detail.status, fileId: detail.fileId,
    createTime, beginTime: ms(detail.beginProcessTime), finishTime: ms(detail.finishTime),
    sessionId: detail.sessionId, sessionContext: detail.sessionContext,
    outcome: detail.outcome, errorCode: detail.outcome ? detail.errorCode : null, message: detail.outcome ? detail.message : null,
  };
}

/**
 * Two readings of one task, merged as the store's upsert merges them: the status only moves
 * forward, times only fill in, a known outcome is never forgotten.
 */
export function mergeRows(older: TaskRow, newer: TaskRow): TaskRow {
  const forward = statusRank(newer.status) >= statusRank(older.status);
  const known = newer.outcome ? newer : older;
  return {
    ...newer,
    // A detail may lack what the list said (and the other way round): an empty reading keeps the known one.
    fileId: newer.fileId || older.fileId,
    sessionId: newer.sessionId || older.sessionId,
    sessionContext: newer.sessionContext || older.sessionContext,
    status: forward ? newer.status : older.status,
    beginTime: newer.beginTime ?? older.beginTime,
    finishTime: newer.finishTime ?? older.finishTime,
    outcome: known.outcome, errorCode: known.errorCode, message: known.message,
  };
}
