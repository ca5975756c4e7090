import type { Outcome, SubTaskResult, TaskDetail } from "@/lib/model/task";
import { normalizeTime } from "./normalize-task";
import { asText, fileIdOf, type OwnFields, readFields, subTasksOf, typeObjectOf } from "./read-outcome";
import type { UpstreamTaskDetail } from "./response-shapes";

const failed = (step: SubTaskResult) => step.status === "FAIL" || (step.errorCode !== null && step.status !== "SUCCESS");

/**
 * FINISH does not mean success: the outcome lives in the error codes of the task and its steps. A
 * failed step decides it first, since Procedure's own ErrCode is deprecated and often 0.
 */
function outcomeOf(status: string, own: OwnFields, subTasks: SubTaskResult[]): { outcome: Outcome; errorCode: string | null; message: string } {
  if (status !== "FINISH" && status !== "ABORTED") return { outcome: null, errorCode: null, message: own.message };
  const failedStep = subTasks.find(failed);
  if (failedStep) return { outcome: "failed", errorCode: failedStep.errorCode ?? "FAIL", message: failedStep.message || own.message };
  if (own.errorCode) return { outcome: "failed", errorCode: own.errorCode, message: own.message };
  if (status === "ABORTED") return { outcome: "failed", errorCode: "ABORTED", message: own.message || "The task was aborted." };
  return { outcome: "success", errorCode: null, message: own.message };
}

function progressOf(status: string, own: OwnFields, subTasks: SubTaskResult[]): number | null {
  if (status === "FINISH") return 100;
  if (own.progress !== null) return own.progress;
  const steps = subTasks.map((step) => step.progress).filter((p): p is number => p !== null);
  if (steps.length) return Math.round(steps.reduce((a, b) => a + b, 0) / steps.length);
  return status === "WAITING" ? 0 : null;
}

/**
 * @param fallbackFileId the FileId of the task's DescribeTasks row, for a detail that names none:
 * some types work on a URL (ExtractCopyRightWatermark) or make no file (CreateAigcSubject).
 */
export function normalizeTaskDetail(taskId: string, detail: UpstreamTaskDetail, fallbackFileId = ""): TaskDetail {
  const object = typeObjectOf(detail);
  const own = readFields(object.record, object.rule.fields);
  const subTasks = subTasksOf(object);
  const { outcome, errorCode, message } = outcomeOf(detail.Status, own, subTasks);
  return {
    taskId,
    taskType: detail.TaskType,
    status: detail.Status,
    fileId: fileIdOf(object) || fallbackFileId,
    createTime: normalizeTime(detail.CreateTime),
    beginProcessTime: normalizeTime(detail.BeginProcessTime),
    finishTime: normalizeTime(detail.FinishTime),
    outcome,
    errorCode,
    message,
    progress: progressOf(detail.Status, own, subTasks),
    subTasks,
    sessionId: asText(object.record?.SessionId),
    sessionContext: asText(object.record?.SessionContext),
    requestId: detail.RequestId,
  };
}
