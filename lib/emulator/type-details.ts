// Each generated type's DescribeTaskDetail object, field for field as the SDK declares it: which
// error fields a type has differs (ReviewAudioVideo has only ErrCodeExt, PullUpload only ErrCode).
// Builders declare their return types: TypeScript checks a returned literal for undeclared fields
// only then.
import type { DetailContext, DetailKey, SdkObject } from "./detail-context";
import { procedureTask, reduceMediaBitrateTask } from "./step-details";

type Segment = NonNullable<SdkObject<"SplitMediaTask">["FileInfoSet"]>[number];
type MadeFile = NonNullable<SdkObject<"EditMediaTask">["Output"]>;

function made(ctx: DetailContext, name: string): MadeFile | undefined {
  if (!ctx.succeeded) return undefined;
  return { FileType: "mp4", FileId: ctx.madeFileId, FileUrl: ctx.fileUrl.replace("f0.mp4", `${name}.mp4`), MediaName: name, ClassId: 0 };
}

function pullUploadTask({ base, outcome: o, fileId, fileUrl }: DetailContext): SdkObject<"PullUploadTask"> {
  return { ...base, ErrCode: o.ErrCode, Message: o.Message, Progress: o.Progress, FileId: fileId, FileUrl: fileUrl, ProcedureTaskId: "", ReviewAudioVideoTaskId: "" };
}

function editMediaTask(ctx: DetailContext): SdkObject<"EditMediaTask"> {
  const { ErrCode, ErrCodeExt, Message, Progress } = ctx.outcome;
  return {
    ...ctx.base, ErrCode, ErrCodeExt, Message, Progress,
    Input: { InputType: "File", FileInfoSet: [{ FileId: ctx.fileId, StartTimeOffset: 0, EndTimeOffset: 30 }] },
    Output: made(ctx, "edited") ?? { FileType: "mp4", FileUrl: "", FileId: "", MediaName: "", ClassId: 0 },
  };
}

function splitMediaTask(ctx: DetailContext): SdkObject<"SplitMediaTask"> {
  const { ErrCode, ErrCodeExt, Message, Progress } = ctx.outcome;
  const segment = (start: number): Segment => ({
    Input: { FileId: ctx.fileId, StartTimeOffset: start, EndTimeOffset: start + 30 },
    Output: ctx.succeeded ? { FileId: ctx.madeFileId } : undefined,
    ProcedureTaskId: "",
    ReviewAudioVideoTaskId: "",
  });
  return { ...ctx.base, ErrCode, ErrCodeExt, Message, Progress, FileInfoSet: [segment(0), segment(30)] };
}

function composeMediaTask(ctx: DetailContext): SdkObject<"ComposeMediaTask"> {
  const { ErrCode, Message, Progress } = ctx.outcome;
  return {
    ...ctx.base, ErrCode, Message, Progress,
    Input: {
      Tracks: [{ Type: "Video", TrackItems: [{ Type: "Video", VideoItem: { SourceMedia: ctx.fileId, SourceMediaStartTime: 0, Duration: 30 } }] }],
      Canvas: { Color: "Black", Width: 1280, Height: 720 },
      Output: { FileName: "composed" },
    },
    Output: made(ctx, "composed"),
  };
}

function describeFileAttributesTask(ctx: DetailContext): SdkObject<"DescribeFileAttributesTask"> {
  const { ErrCode, ErrCodeExt, Message, Progress } = ctx.outcome;
  const hash = ctx.fileId.slice(-8);
  return { ...ctx.base, ErrCode, ErrCodeExt, Message, Progress, FileId: ctx.fileId, Output: ctx.succeeded ? { Md5: hash.padStart(32, "0"), Sha1: hash.padStart(40, "0") } : undefined };
}

function removeWatermarkTask(ctx: DetailContext): SdkObject<"RemoveWatermarkTask"> {
  const { ErrCode, ErrCodeExt, Message } = ctx.outcome;
  return { ...ctx.base, ErrCode, ErrCodeExt, Message, Input: { FileId: ctx.fileId }, Output: made(ctx, "clean") };
}

function reviewAudioVideoTask(ctx: DetailContext): SdkObject<"ReviewAudioVideoTask"> {
  const { ErrCodeExt, Message } = ctx.outcome;
  return {
    ...ctx.base, ErrCodeExt, Message,
    Input: { FileId: ctx.fileId, ReviewContents: ["Media"] },
    Output: ctx.succeeded ? { Suggestion: "pass", Label: "", Form: "", SegmentSet: [] } : undefined,
  };
}

function qualityInspectTask(ctx: DetailContext): SdkObject<"QualityInspectTask"> {
  const { ErrCodeExt, Message } = ctx.outcome;
  return {
    ...ctx.base, ErrCodeExt, Message,
    Input: { FileId: ctx.fileId, Definition: 10 },
    Output: ctx.succeeded ? { NoAudio: 0, NoVideo: 0, QualityEvaluationScore: 90, QualityInspectResultSet: [] } : undefined,
  };
}

/** The SDK declares every field of this one as always present. */
function extractTraceWatermarkTask(ctx: DetailContext): SdkObject<"ExtractTraceWatermarkTask"> {
  const { ErrCode, ErrCodeExt, Message } = ctx.outcome;
  return {
    ...ctx.base, ErrCode, ErrCodeExt, Message,
    Input: { FileId: ctx.fileId, Url: ctx.fileUrl },
    Output: ctx.succeeded ? { Uv: ctx.fileId.slice(-6), Uid: ctx.fileId.slice(-4) } : {},
  };
}

interface TypeDetail {
  /** The response field the object goes under. */
  key: DetailKey;
  build(ctx: DetailContext): object;
}

const detail = <K extends DetailKey>(key: K, build: (ctx: DetailContext) => SdkObject<K>): TypeDetail => ({ key, build });

/** By TaskType as DescribeTasks reports it. */
export const TYPE_DETAILS: Readonly<Record<string, TypeDetail>> = {
  Procedure: detail("ProcedureTask", procedureTask),
  PullUpload: detail("PullUploadTask", pullUploadTask),
  EditMedia: detail("EditMediaTask", editMediaTask),
  ReviewAudioVideo: detail("ReviewAudioVideoTask", reviewAudioVideoTask),
  SplitMedia: detail("SplitMediaTask", splitMediaTask),
  ComposeMedia: detail("ComposeMediaTask", composeMediaTask),
  DescribeFileAttributes: detail("DescribeFileAttributesTask", describeFileAttributesTask),
  RemoveWatermark: detail("RemoveWatermarkTask", removeWatermarkTask),
  ReduceMediaBitrate: detail("ReduceMediaBitrateTask", reduceMediaBitrateTask),
  QualityInspect: detail("QualityInspectTask", qualityInspectTask),
  ExtractTraceWatermark: detail("ExtractTraceWatermarkTask", extractTraceWatermarkTask),
};
