import type { Outcome, SubTaskResult, TaskDetail } from "@/lib/model/task";
import { normalizeTime } from "./normalize-task";
import type { UpstreamTaskDetail } from "./response-shapes";

type Loose = Record<string, unknown>;

const asObject = (value: unknown): Loose | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
const asText = (value: unknown): string => (typeof value === "string" ? value : "");
const asNumber = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

/** ErrCodeExt is the current error code; ErrCode (a number, 0 for success) the deprecated one. */
function errorCodeOf(item: Loose): string | null {
  const ext = asText(item.ErrCodeExt);
  if (ext) return ext;
  const code = asNumber(item.ErrCode);
  return code ? String(code) : null;
}

/**
 * Upstream puts the type's own record under a key of its own: ProcedureTask for Procedure,
 * EditMediaTask for EditMedia, CreateImageSpriteTask for ImageSprite... Take the one that names
 * the type, or else the only `…Task` object present.
 */
function typeRecord(detail: UpstreamTaskDetail): Loose | undefined {
  const direct = asObject(detail[`${detail.TaskType}Task`]);
  if (direct) return direct;
  const candidates = Object.entries(detail).filter(([key, value]) => key.endsWith("Task") && asObject(value));
  return candidates.length === 1 ? asObject(candidates[0][1]) : undefined;
}

/** Procedure's sub-tasks: one `{Type, <Type>Task: {...}}` entry per media-processing step. */
function subTasksOf(record: Loose | undefined): SubTaskResult[] {
  const set = record?.MediaProcessResultSet;
  if (!Array.isArray(set)) return [];
  return set.flatMap((entry) => {
    const item = asObject(entry);
    if (!item) return [];
    const type = asText(item.Type);
    const result = asObject(item[`${type}Task`]) ?? Object.values(item).map(asObject).find(Boolean);
    if (!result) return [];
    return [{
      type,
      status: asText(result.Status),
      errorCode: errorCodeOf(result),
      message: asText(result.Message),
      progress: asNumber(result.Progress),
      definition: asNumber(asObject(result.Input)?.Definition),
    }];
  });
}

/** FINISH does not mean success: the outcome lives in the error codes of the task and its steps. */
function outcomeOf(status: string, record: Loose | undefined, subTasks: SubTaskResult[]): { outcome: Outcome; errorCode: string | null; message: string } {
  if (status === "ABORTED") return { outcome: "failed", errorCode: errorCodeOf(record ?? {}) ?? "ABORTED", message: asText(record?.Message) || "The task was aborted." };
  if (status !== "FINISH") return { outcome: null, errorCode: null, message: asText(record?.Message) };
  const failedStep = subTasks.find((step) => step.status === "FAIL" || (step.errorCode !== null && step.status !== "SUCCESS"));
  if (failedStep) return { outcome: "failed", errorCode: failedStep.errorCode ?? "FAIL", message: failedStep.message };
  const ownCode = record ? errorCodeOf(record) : null;
  if (ownCode) return { outcome: "failed", errorCode: ownCode, message: asText(record?.Message) };
  return { outcome: "success", errorCode: null, message: asText(record?.Message) };
}

function progressOf(status: string, record: Loose | undefined, subTasks: SubTaskResult[]): number | null {
  if (status === "FINISH") return 100;
  const own = asNumber(record?.Progress);
  if (own !== null) return own;
  const steps = subTasks.map((step) => step.progress).filter((p): p is number => p !== null);
  if (steps.length) return Math.round(steps.reduce((a, b) => a + b, 0) / steps.length);
  return status === "WAITING" ? 0 : null;
}

export function normalizeTaskDetail(taskId: string, detail: UpstreamTaskDetail): TaskDetail {
  const record = typeRecord(detail);
  const subTasks = subTasksOf(record);
  const { outcome, errorCode, message } = outcomeOf(detail.Status, record, subTasks);
  return {
    taskId,
    taskType: detail.TaskType,
    status: detail.Status,
    fileId: asText(record?.FileId) || asText(asObject(record?.Input)?.FileId),
    createTime: normalizeTime(detail.CreateTime),
    beginProcessTime: normalizeTime(detail.BeginProcessTime),
    finishTime: normalizeTime(detail.FinishTime),
    outcome,
    errorCode,
    message,
    progress: progressOf(detail.Status, record, subTasks),
    subTasks,
    sessionId: asText(record?.SessionId),
    sessionContext: asText(record?.SessionContext),
    requestId: detail.RequestId,
  };
}
