// Where each task type's outcome and file ID live in DescribeTaskDetail: one row per object the SDK
// declares there. The mapped type makes the table complete: a type the SDK adds fails to compile
// until it has a row.
import { type AnyOutcomeRule, type DetailKey, list, type OutcomeRule, type TaskObject } from "./outcome-rule";

const ERRORS = ["ErrCode", "ErrCodeExt", "Message"] as const;
const ERRORS_PROGRESS = [...ERRORS, "Progress"] as const;
/** The newest types' usual record: error codes, message, progress, input and output files. */
const STEP_FIELDS = ["Status", ...ERRORS_PROGRESS] as const;

const fileIdsOf = (files: readonly ({ FileId?: string } | undefined)[] | undefined) => list(files).map((file) => file.FileId);

export const OUTCOME_RULES: { [K in DetailKey]: OutcomeRule<TaskObject<K>> } = {
  ProcedureTask: {
    fields: ["ErrCode", "Message"],
    results: [
      { at: "MediaProcessResultSet", kind: "MediaProcess", wrapped: true, fields: STEP_FIELDS },
      { at: "AiContentReviewResultSet", kind: "AiContentReview", wrapped: true, fields: STEP_FIELDS },
      { at: "AiAnalysisResultSet", kind: "AiAnalysis", wrapped: true, fields: STEP_FIELDS },
      { at: "AiRecognitionResultSet", kind: "AiRecognition", wrapped: true, fields: STEP_FIELDS },
    ],
    fileIds: (task) => [task.FileId],
  },
  EditMediaTask: {
    fields: ERRORS_PROGRESS,
    results: [],
    fileIds: (task) => [...fileIdsOf(task.Input?.FileInfoSet), task.Output?.FileId],
  },
  WechatPublishTask: { fields: ["ErrCode", "Message"], results: [], fileIds: (task) => [task.FileId] },
  ComposeMediaTask: {
    fields: ["ErrCode", "Message", "Progress"],
    results: [],
    // Track items name their source as a file ID or a URL; the reader drops URLs.
    fileIds: (task) => [
      ...list(task.Input?.Tracks).flatMap((track) => list(track.TrackItems).map((item) => item.VideoItem?.SourceMedia ?? item.AudioItem?.SourceMedia)),
      task.Output?.FileId,
    ],
  },
  SplitMediaTask: { fields: ERRORS_PROGRESS, results: [], fileIds: (task) => list(task.FileInfoSet).map((segment) => segment.Input?.FileId) },
  WechatMiniProgramPublishTask: { fields: ["ErrCode", "Message"], results: [], fileIds: (task) => [task.FileId] },
  PullUploadTask: { fields: ["ErrCode", "Message", "Progress"], results: [], fileIds: (task) => [task.FileId] },
  // The 2017 types have no Status; Concat, Clip and Snapshot keep their error codes per file.
  TranscodeTask: { fields: ["ErrCode", "Message"], results: [], fileIds: (task) => [task.FileId] },
  ConcatTask: {
    fields: [],
    results: [{ at: "FileInfoSet", kind: "ConcatFile", wrapped: false, type: "Concat", fields: ["ErrCode", "Message"] }],
    fileIds: (task) => fileIdsOf(task.FileInfoSet),
  },
  ClipTask: {
    fields: [],
    results: [{ at: "FileInfo", kind: "ClipFile", wrapped: false, type: "Clip", fields: ["ErrCode", "Message"] }],
    fileIds: (task) => [task.SrcFileId],
  },
  CreateImageSpriteTask: { fields: ["ErrCode", "Message"], results: [], fileIds: (task) => [task.FileId] },
  SnapshotByTimeOffsetTask: {
    fields: [],
    results: [{ at: "SnapshotInfoSet", kind: "Snapshot", wrapped: false, type: "SnapshotByTimeOffset", fields: ["ErrCode"] }],
    fileIds: (task) => [task.FileId],
  },
  RemoveWatermarkTask: { fields: ERRORS, results: [], fileIds: (task) => [task.Input?.FileId, task.Output?.FileId] },
  RebuildMediaTask: { fields: ERRORS_PROGRESS, results: [], fileIds: (task) => [task.Input?.FileId, task.Output?.FileId] },
  ExtractTraceWatermarkTask: { fields: ERRORS, results: [], fileIds: (task) => [task.Input?.FileId] },
  // Works on a URL only: the listing's FileId is all there is.
  ExtractCopyRightWatermarkTask: { fields: ERRORS, results: [], fileIds: () => [] },
  ReviewAudioVideoTask: { fields: ["ErrCodeExt", "Message"], results: [], fileIds: (task) => [task.Input?.FileId] },
  // No error fields of its own: a failure shows only in its steps.
  ReduceMediaBitrateTask: {
    fields: [],
    results: [{ at: "MediaProcessResultSet", kind: "MediaProcess", wrapped: true, fields: ["Status", "ErrCodeExt", "Message", "Progress"] }],
    fileIds: (task) => [task.FileId],
  },
  DescribeFileAttributesTask: { fields: ERRORS_PROGRESS, results: [], fileIds: (task) => [task.FileId] },
  QualityInspectTask: { fields: ["ErrCodeExt", "Message"], results: [], fileIds: (task) => [task.Input?.FileId] },
  QualityEnhanceTask: { fields: ERRORS_PROGRESS, results: [], fileIds: (task) => [task.Input?.FileId, task.Output?.FileId] },
  ComplexAdaptiveDynamicStreamingTask: {
    fields: [],
    results: [{
      at: "ComplexAdaptiveDynamicStreamingTaskResultSet", kind: "AdaptiveDynamicStreaming", wrapped: false, type: "ComplexAdaptiveDynamicStreaming",
      fields: ["Status", "ErrCodeExt", "Message", "Progress"],
    }],
    fileIds: () => [],
  },
  // MPS reports ErrCode as a string, "0" for success.
  ProcessMediaByMPSTask: {
    fields: ["ErrCode", "Message"],
    results: [{ at: "SubTaskSet", kind: "MPS", wrapped: false, type: "MPS", typeField: "TaskType", fields: ["Status", "ErrCode", "Message"] }],
    fileIds: (task) => list(task.SubTaskSet).flatMap((sub) => fileIdsOf(sub.Output?.OutputFiles)),
  },
  AigcImageTask: { fields: ERRORS_PROGRESS, results: [], fileIds: (task) => [...fileIdsOf(task.Input?.FileInfos), ...fileIdsOf(task.Output?.FileInfos)] },
  AigcVideoTask: {
    fields: ERRORS_PROGRESS,
    results: [],
    fileIds: (task) => [...fileIdsOf(task.Input?.FileInfos), task.Input?.LastFrameFileId, ...fileIdsOf(task.Output?.FileInfos)],
  },
  ImportMediaKnowledge: { fields: ["ErrCode", "Message"], results: [], fileIds: (task) => [task.FileId] },
  SceneAigcImageTask: {
    fields: ["ErrCode", "Message", "Progress"],
    results: [],
    fileIds: (task) => [...fileIdsOf(task.Input?.FileInfos), ...fileIdsOf(task.Output?.FileInfos)],
  },
  SceneAigcVideoTask: {
    fields: ["ErrCode", "Message", "Progress"],
    results: [],
    fileIds: (task) => [...fileIdsOf(task.Input?.FileInfos), ...fileIdsOf(task.Output?.FileInfos)],
  },
  ProcessImageAsyncTask: { fields: ["ErrCode", "Message", "Progress"], results: [], fileIds: (task) => [task.Input?.FileId, task.Output?.FileInfo?.FileId] },
  ExtractBlindWatermarkTask: { fields: ["ErrCode", "Message"], results: [], fileIds: (task) => [task.InputInfo?.FileId] },
  // The custom element, voice and subject tasks make no media file.
  CreateAigcAdvancedCustomElementTask: { fields: ERRORS_PROGRESS, results: [], fileIds: () => [] },
  CreateAigcCustomVoiceTask: { fields: ERRORS_PROGRESS, results: [], fileIds: () => [] },
  CreateAigcSubjectTask: { fields: ERRORS, results: [], fileIds: () => [] },
  AigcVideoRedrawTask: { fields: ERRORS_PROGRESS, results: [], fileIds: (task) => [task.Input?.FileInfo?.FileId, task.Output?.FileInfo?.FileId] },
  AigcAudioTask: {
    fields: ERRORS_PROGRESS,
    results: [],
    fileIds: (task) => [...fileIdsOf(task.Output?.AudioInfos), ...fileIdsOf(task.Output?.VideoInfos)],
  },
  CreateAigcAudioCloneTask: {
    fields: ERRORS_PROGRESS,
    results: [],
    fileIds: (task) => [task.Input?.AudioFileInfo?.FileId, task.Input?.PromptAudioFileInfo?.FileId],
  },
  DescribeAigcFaceInfoAsyncTask: { fields: ERRORS_PROGRESS, results: [], fileIds: (task) => fileIdsOf(task.Input?.FileInfos) },
};

/** For types the SDK does not declare yet (FastClipMedia is a documented TaskType with no field). */
export const GENERIC_RULE: AnyOutcomeRule = {
  fields: ["ErrCode", "ErrCodeExt", "Message", "Progress"],
  results: [],
  fileIds: (task: { FileId?: string; Input?: { FileId?: string } }) => [task.FileId, task.Input?.FileId],
};

export const RULE_KEYS = Object.keys(OUTCOME_RULES) as DetailKey[];

export function ruleOf(key: DetailKey): AnyOutcomeRule {
  return OUTCOME_RULES[key] as AnyOutcomeRule;
}
