// DescribeTaskDetail: the common fields plus the type's own object, filled as upstream fills it.
import type { DescribeTaskDetailResponse, MediaProcessTaskResult } from "../vod/wire";
import { invalidValue, missing } from "./api-errors";
import { resolvePartition } from "./describe-tasks";
import { formatFileId, formatSession } from "./ids";
import { type Body, formatTime, optionalString, rejectUnknown } from "./params";
import { type Partition, ST_ABORTED, ST_FINISH, ST_PROCESSING, STATUS_NAMES } from "./partition";
import { type TaskStore, windowStartSec } from "./store";
import { TASK_TYPES } from "./task-types";
import { failureOf, isFailed, outcomeOf, progressOf, taskHash } from "./task-outcome";

/** Which response field holds each type's object, and which common fields its SDK type has. */
const DETAIL_SHAPES: Record<string, { key: string; fields: readonly string[] }> = {
  EditMedia: { key: "EditMediaTask", fields: ["ErrCode", "ErrCodeExt", "Message", "Progress"] },
  SplitMedia: { key: "SplitMediaTask", fields: ["ErrCode", "ErrCodeExt", "Message", "Progress"] },
  ComposeMedia: { key: "ComposeMediaTask", fields: ["ErrCode", "Message", "Progress"] },
  PullUpload: { key: "PullUploadTask", fields: ["ErrCode", "Message", "Progress", "FileId"] },
  RemoveWatermark: { key: "RemoveWatermarkTask", fields: ["ErrCode", "ErrCodeExt", "Message"] },
  ReviewAudioVideo: { key: "ReviewAudioVideoTask", fields: ["ErrCodeExt", "Message"] },
  DescribeFileAttributes: { key: "DescribeFileAttributesTask", fields: ["ErrCode", "ErrCodeExt", "Message", "Progress", "FileId"] },
  ReduceMediaBitrate: { key: "ReduceMediaBitrateTask", fields: ["FileId"] },
  QualityInspect: { key: "QualityInspectTask", fields: ["ErrCodeExt", "Message"] },
  ExtractTraceWatermark: { key: "ExtractTraceWatermarkTask", fields: ["ErrCode", "ErrCodeExt", "Message"] },
};

const DEFINITIONS = [100010, 100020, 100030, 100040, 100210, 100220, 100230, 100240];

export function describeTaskDetail(store: TaskStore, body: Body, nowMs: number): DescribeTaskDetailResponse {
  rejectUnknown(body, ["TaskId", "SubAppId"]);
  const taskId = optionalString(body, "TaskId");
  if (taskId === undefined) throw missing("TaskId");
  const part = resolvePartition(store, body);
  const i = store.findTask(part, taskId);
  if (i < 0 || part.create[i] < windowStartSec(nowMs)) {
    throw invalidValue("TaskId", `the task ${taskId} does not exist.`, "InvalidParameterValue.TaskId");
  }
  const type = TASK_TYPES[part.type[i]].name;
  const nowSec = Math.floor(nowMs / 1000);
  const session = formatSession(store.seed, part.session[i]);
  const outcome = outcomeOf(part, i, nowSec);
  const base: Record<string, unknown> = { TaskId: taskId, Status: STATUS_NAMES[part.status[i]], SessionId: session.sessionId, SessionContext: session.sessionContext };
  const fileId = formatFileId(store.seed, part.file[i]);
  const response: Record<string, unknown> = {
    TaskType: type,
    Status: STATUS_NAMES[part.status[i]],
    CreateTime: formatTime(part.create[i]),
    BeginProcessTime: formatTime(part.begin[i]),
    FinishTime: formatTime(part.finish[i]),
  };
  if (type === "Procedure") {
    response.ProcedureTask = {
      ...base,
      ErrCode: outcome.ErrCode,
      Message: outcome.Message,
      FileId: fileId,
      FileName: `video-${fileId.slice(-6)}.mp4`,
      FileUrl: `https://${part.subAppId}.vod2.myqcloud.com/${fileId.slice(-8)}/${fileId}/f0.mp4`,
      MediaProcessResultSet: transcodes(part, i, nowSec, fileId),
      AiContentReviewResultSet: [],
      AiAnalysisResultSet: [],
      AiRecognitionResultSet: [],
      TasksPriority: 0,
      TasksNotifyMode: "Finish",
      Operator: "",
      OperationType: "",
    };
  } else {
    const shape = DETAIL_SHAPES[type];
    const extra: Record<string, unknown> = { ...outcome, FileId: fileId };
    const object: Record<string, unknown> = { ...base };
    for (const f of shape.fields) object[f] = extra[f];
    if (type === "EditMedia") {
      object.Input = { InputType: "File", FileInfoSet: [{ FileId: fileId, StartTimeOffset: 0, EndTimeOffset: 30 }] };
      object.Output = part.status[i] === ST_FINISH && !isFailed(part, i)
        ? { FileType: "mp4", FileId: formatFileId(store.seed, part.file[i] + 1), FileUrl: "", MediaName: "edited", ClassId: 0 }
        : { FileType: "mp4", FileUrl: "", FileId: "", MediaName: "", ClassId: 0 };
    }
    response[shape.key] = object;
  }
  return response as DescribeTaskDetailResponse;
}

/** A Procedure's transcodes finish one after another; a failed run fails at one of them. */
function transcodes(part: Partition, i: number, nowSec: number, fileId: string): MediaProcessTaskResult[] {
  const n = 1 + (taskHash(part, i, 3) % 4);
  const first = taskHash(part, i, 5) % (DEFINITIONS.length - n + 1);
  const failAt = isFailed(part, i) ? taskHash(part, i, 7) % n : -1;
  const progress = progressOf(part, i, nowSec);
  const status = part.status[i];
  return Array.from({ length: n }, (_, j) => {
    const share = Math.min(100, Math.max(0, progress * n - 100 * j));
    let sub: "SUCCESS" | "FAIL" | "PROCESSING" = share >= 100 ? "SUCCESS" : "PROCESSING";
    if (status === ST_FINISH) sub = j === failAt ? "FAIL" : "SUCCESS";
    if (status === ST_ABORTED) sub = share >= 100 ? "SUCCESS" : "FAIL";
    const err = j === failAt ? failureOf(part, i) : status === ST_ABORTED && sub === "FAIL"
      ? { ErrCode: 70000, ErrCodeExt: "TaskAborted", Message: "The task was aborted." }
      : { ErrCode: 0, ErrCodeExt: "", Message: sub === "SUCCESS" ? "SUCCESS" : "" };
    const definition = DEFINITIONS[first + j];
    return {
      Type: "Transcode",
      TranscodeTask: {
        Status: sub,
        ...err,
        Progress: sub === "SUCCESS" ? 100 : status === ST_PROCESSING ? Math.floor(share) : 0,
        Input: { Definition: definition },
        Output: sub === "SUCCESS"
          ? { Url: `https://${part.subAppId}.vod2.myqcloud.com/${fileId.slice(-8)}/${fileId}/v.f${definition}.mp4`, Definition: definition, Container: "mp4", Bitrate: 0, Height: 0, Width: 0, Size: 0, Duration: 0 }
          : undefined,
        BeginProcessTime: formatTime(part.begin[i]),
        FinishTime: sub === "PROCESSING" ? formatTime(0) : formatTime(part.finish[i]),
      },
    };
  });
}
