// The types whose outcome lives in their steps: Procedure (transcodes plus AI review, analysis and
// recognition) and ReduceMediaBitrate, which has no error fields of its own at all.
import type { MediaProcessTaskResult, MediaProcessTaskTranscodeResult, ProcedureTask } from "../vod/wire";
import type { DetailContext, SdkObject } from "./detail-context";
import { formatTime } from "./params";
import { stepStates, type StepState } from "./step-states";
import { isFailed, taskHash } from "./task-outcome";

type ReduceMediaBitrateTask = SdkObject<"ReduceMediaBitrateTask">;
type ReduceMediaBitrateResult = NonNullable<ReduceMediaBitrateTask["MediaProcessResultSet"]>[number];
type AiSet = "AiContentReviewResultSet" | "AiAnalysisResultSet" | "AiRecognitionResultSet";
// Every kind of a set has the same result shape; review results carry no times.
type ReviewResult = NonNullable<NonNullable<ProcedureTask["AiContentReviewResultSet"]>[number]["PornTask"]>;
type AnalysisResult = NonNullable<NonNullable<ProcedureTask["AiAnalysisResultSet"]>[number]["TagTask"]>;
type TranscodeOutput = NonNullable<MediaProcessTaskTranscodeResult["Output"]>;

const DEFINITIONS = [100010, 100020, 100030, 100040, 100210, 100220, 100230, 100240];

/** How often a Procedure runs each AI set, and its kinds as `[Type, the key its result is under]`. */
const AI_SETS: readonly { set: AiSet; percent: number; salt: number; kinds: readonly [string, string][] }[] = [
  { set: "AiContentReviewResultSet", percent: 35, salt: 13,
    kinds: [["Porn", "PornTask"], ["Terrorism", "TerrorismTask"], ["Political", "PoliticalTask"], ["Porn.Asr", "PornAsrTask"], ["Political.Ocr", "PoliticalOcrTask"]] },
  { set: "AiAnalysisResultSet", percent: 20, salt: 17, kinds: [["Classification", "ClassificationTask"], ["Tag", "TagTask"], ["Cover", "CoverTask"]] },
  { set: "AiRecognitionResultSet", percent: 15, salt: 19,
    kinds: [["FaceRecognition", "FaceTask"], ["AsrFullTextRecognition", "AsrFullTextTask"], ["OcrFullTextRecognition", "OcrFullTextTask"]] },
];

const stepOutcome = (step: StepState) => ({ Status: step.Status, ErrCodeExt: step.ErrCodeExt, ErrCode: step.ErrCode, Message: step.Message, Progress: step.Progress });

function stepTimes(ctx: DetailContext, step: StepState): { BeginProcessTime: string; FinishTime: string } {
  const { part, i } = ctx;
  return {
    BeginProcessTime: formatTime(step.Status === "WAITING" ? 0 : part.begin[i]),
    FinishTime: formatTime(step.Status === "SUCCESS" || step.Status === "FAIL" ? part.finish[i] : 0),
  };
}

function transcodeOutput(ctx: DetailContext, definition: number): TranscodeOutput {
  const url = `https://${ctx.part.subAppId}.vod2.myqcloud.com/${ctx.fileId.slice(-8)}/${ctx.fileId}/v.f${definition}.mp4`;
  return { Url: url, Definition: definition, Container: "mp4", Bitrate: 0, Height: 0, Width: 0, Size: 0, Duration: 0 };
}

/**
 * One to four transcodes, then any AI steps. A failed run fails at one step, AI steps included, so
 * some failed Procedures have only successful transcodes.
 */
export function procedureTask(ctx: DetailContext): ProcedureTask {
  const { part, i } = ctx;
  const n = 1 + (taskHash(part, i, 3) % 4);
  const first = taskHash(part, i, 5) % (DEFINITIONS.length - n + 1);
  const ai = AI_SETS.flatMap(({ set, percent, salt, kinds }) => {
    const h = taskHash(part, i, salt);
    return h % 100 < percent ? [{ set, kind: kinds[(h >>> 8) % kinds.length] }] : [];
  });
  const steps = stepStates(part, i, ctx.nowSec, n + ai.length, isFailed(part, i) ? taskHash(part, i, 7) % (n + ai.length) : -1);
  const sets: Record<AiSet, unknown[]> = { AiContentReviewResultSet: [], AiAnalysisResultSet: [], AiRecognitionResultSet: [] };
  ai.forEach(({ set, kind: [type, key] }, k) => {
    const step = steps[n + k];
    const review: ReviewResult = { ...stepOutcome(step), Input: { Definition: 10 } };
    const analysis: AnalysisResult = { ...stepOutcome(step), Input: { Definition: 10 }, ...stepTimes(ctx, step) };
    sets[set].push({ Type: type, [key]: set === "AiContentReviewResultSet" ? review : analysis });
  });
  return {
    ...ctx.base,
    ErrCode: ctx.outcome.ErrCode,
    Message: ctx.outcome.Message,
    FileId: ctx.fileId,
    FileName: `video-${ctx.fileId.slice(-6)}.mp4`,
    FileUrl: ctx.fileUrl,
    MediaProcessResultSet: steps.slice(0, n).map((step, j): MediaProcessTaskResult => {
      const definition = DEFINITIONS[first + j];
      return {
        Type: "Transcode",
        TranscodeTask: { ...stepOutcome(step), Input: { Definition: definition }, Output: step.Status === "SUCCESS" ? transcodeOutput(ctx, definition) : undefined, ...stepTimes(ctx, step) },
      };
    }),
    // Each entry is `{ Type, <Kind>Task }`, a shape the SDK types key by key.
    AiContentReviewResultSet: sets.AiContentReviewResultSet as ProcedureTask["AiContentReviewResultSet"],
    AiAnalysisResultSet: sets.AiAnalysisResultSet as ProcedureTask["AiAnalysisResultSet"],
    AiRecognitionResultSet: sets.AiRecognitionResultSet as ProcedureTask["AiRecognitionResultSet"],
    TasksPriority: 0,
    TasksNotifyMode: "Finish",
    Operator: "",
    OperationType: "",
  };
}

/** One step, a transcode or an adaptive-streaming package; neither result has an ErrCode. */
export function reduceMediaBitrateTask(ctx: DetailContext): ReduceMediaBitrateTask {
  const { part, i } = ctx;
  const [step] = stepStates(part, i, ctx.nowSec, 1, isFailed(part, i) ? 0 : -1);
  const own = { Status: step.Status, ErrCodeExt: step.ErrCodeExt, Message: step.Message };
  const definition = DEFINITIONS[taskHash(part, i, 5) % DEFINITIONS.length];
  const result: ReduceMediaBitrateResult = taskHash(part, i, 29) % 4 === 0
    ? { Type: "AdaptiveDynamicStreaming", AdaptiveDynamicStreamingTask: { ...own, Input: { Definition: 12 } } }
    : { Type: "Transcode", TranscodeTask: { ...own, Progress: step.Progress, Input: { Definition: definition },
      Output: step.Status === "SUCCESS" ? transcodeOutput(ctx, definition) : undefined, ...stepTimes(ctx, step) } };
  return {
    ...ctx.base,
    FileId: ctx.fileId,
    FileName: `video-${ctx.fileId.slice(-6)}.mp4`,
    FileUrl: ctx.fileUrl,
    MediaProcessResultSet: [result],
    TasksPriority: 0,
    TasksNotifyMode: "Finish",
  };
}
