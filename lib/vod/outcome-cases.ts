// Test fixtures: a finished-successful, a finished-failed and an unfinished object for every type
// object of DescribeTaskDetail, typed against the SDK's declarations so a field the SDK does not
// declare fails to compile. Only the top level is Partial: upstream leaves out null fields.
import type { DetailKey, TaskObject } from "./outcome-rule";

export interface OutcomeCase<K extends DetailKey> {
  /** The file ID the success names; null when the type names none and the listing's is used. */
  fileId: string | null;
  errorCode: string;
  /** The progress the unfinished object reports, directly or through its steps. */
  progress: number | null;
  success: Partial<TaskObject<K>>;
  failure: Partial<TaskObject<K>>;
  unfinished: Partial<TaskObject<K>>;
}

const ok = "SUCCESS";

export const OUTCOME_CASES: { [K in DetailKey]: OutcomeCase<K> } = {
  ProcedureTask: {
    fileId: "f-proc", errorCode: "InternalError.Review", progress: 50,
    success: { Status: "FINISH", ErrCode: 0, Message: "", FileId: "f-proc",
      MediaProcessResultSet: [{ Type: "Transcode", TranscodeTask: { Status: ok, ErrCode: 0, ErrCodeExt: "", Message: ok, Progress: 100, Input: { Definition: 100030 } } }],
      AiContentReviewResultSet: [{ Type: "Porn", PornTask: { Status: ok, ErrCode: 0, ErrCodeExt: "", Message: ok, Progress: 100, Input: { Definition: 10 } } }] },
    failure: { Status: "FINISH", ErrCode: 0, Message: "",
      MediaProcessResultSet: [{ Type: "Transcode", TranscodeTask: { Status: ok, ErrCode: 0, ErrCodeExt: "", Message: ok, Progress: 100, Input: { Definition: 100030 } } }],
      AiContentReviewResultSet: [{ Type: "Porn.Asr", PornAsrTask: { Status: "FAIL", ErrCode: 70000, ErrCodeExt: "InternalError.Review", Message: "review failed", Progress: 0, Input: { Definition: 10 } } }] },
    unfinished: { Status: "PROCESSING", ErrCode: 0, Message: "",
      AiAnalysisResultSet: [{ Type: "Classification", ClassificationTask: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 60 } }],
      AiRecognitionResultSet: [{ Type: "FaceRecognition", FaceTask: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 40 } }] },
  },
  EditMediaTask: {
    fileId: "f-edit", errorCode: "FailedOperation.Edit", progress: 40,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Input: { InputType: "File", FileInfoSet: [{ FileId: "f-edit" }] }, Output: { FileId: "f-out" } },
    failure: { Status: "FINISH", ErrCode: 70000, ErrCodeExt: "FailedOperation.Edit", Message: "bad clip", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 40 },
  },
  WechatPublishTask: {
    fileId: "f-wx", errorCode: "10008", progress: null,
    success: { Status: "FINISH", ErrCode: 0, Message: "", FileId: "f-wx" },
    failure: { Status: "FINISH", ErrCode: 10008, Message: "publish refused" },
    unfinished: { Status: "WAITING", ErrCode: 0, Message: "" },
  },
  ComposeMediaTask: {
    fileId: "f-track", errorCode: "70000", progress: 20,
    success: { Status: "FINISH", ErrCode: 0, Message: "", Progress: 100, Input: { Canvas: {}, Output: { FileName: "out" }, Tracks: [{ Type: "Video", TrackItems: [
      { Type: "Video", VideoItem: { SourceMedia: "https://example.com/a.mp4" } }, { Type: "Video", VideoItem: { SourceMedia: "f-track" } }] }] } },
    failure: { Status: "FINISH", ErrCode: 70000, Message: "compose failed", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, Message: "", Progress: 20 },
  },
  SplitMediaTask: {
    fileId: "f-split", errorCode: "InvalidInput", progress: 10,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, FileInfoSet: [{ Input: { FileId: "f-split" }, Output: { FileId: "f-seg" } }] },
    failure: { Status: "FINISH", ErrCode: 40000, ErrCodeExt: "InvalidInput", Message: "bad range", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 10 },
  },
  WechatMiniProgramPublishTask: {
    fileId: "f-mini", errorCode: "10009", progress: null,
    success: { Status: "FINISH", ErrCode: 0, Message: "", FileId: "f-mini", PublishResult: ok },
    failure: { Status: "FINISH", ErrCode: 10009, Message: "rejected", PublishResult: "FAIL" },
    unfinished: { Status: "PROCESSING", ErrCode: 0, Message: "" },
  },
  PullUploadTask: {
    fileId: "f-pull", errorCode: "60000", progress: 70,
    success: { Status: "FINISH", ErrCode: 0, Message: "", FileId: "f-pull", Progress: 100 },
    failure: { Status: "FINISH", ErrCode: 60000, Message: "download failed", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, Message: "", Progress: 70 },
  },
  TranscodeTask: {
    fileId: "f-t17", errorCode: "70000", progress: null,
    success: { ErrCode: 0, Message: "", FileId: "f-t17", PlayInfoSet: [{ Definition: 20 }] },
    failure: { ErrCode: 70000, Message: "transcode failed", FileId: "f-t17" },
    unfinished: { ErrCode: 0, Message: "", FileId: "f-t17" },
  },
  ConcatTask: {
    fileId: "f-cat", errorCode: "60000", progress: null,
    success: { FileInfoSet: [{ ErrCode: 0, Message: "", FileId: "f-cat" }, { ErrCode: 0, Message: "", FileId: "f-cat2" }] },
    failure: { FileInfoSet: [{ ErrCode: 0, Message: "", FileId: "f-cat" }, { ErrCode: 60000, Message: "source missing", FileId: "f-cat2" }] },
    unfinished: { FileInfoSet: [{ ErrCode: 0, Message: "", FileId: "f-cat" }] },
  },
  ClipTask: {
    fileId: "f-src", errorCode: "40000", progress: null,
    success: { SrcFileId: "f-src", FileInfo: { ErrCode: 0, Message: "", FileId: "f-clip" } },
    failure: { SrcFileId: "f-src", FileInfo: { ErrCode: 40000, Message: "bad offsets" } },
    unfinished: { SrcFileId: "f-src" },
  },
  CreateImageSpriteTask: {
    fileId: "f-sprite", errorCode: "70000", progress: null,
    success: { ErrCode: 0, Message: "", FileId: "f-sprite", Definition: 10, TotalCount: 3 },
    failure: { ErrCode: 70000, Message: "sprite failed", FileId: "f-sprite" },
    unfinished: { ErrCode: 0, Message: "", FileId: "f-sprite" },
  },
  SnapshotByTimeOffsetTask: {
    fileId: "f-shot", errorCode: "70000", progress: null,
    success: { FileId: "f-shot", Definition: 10, SnapshotInfoSet: [{ ErrCode: 0, TimeOffset: 1000, Url: "https://example.com/1.jpg" }] },
    failure: { FileId: "f-shot", SnapshotInfoSet: [{ ErrCode: 0, TimeOffset: 1000 }, { ErrCode: 70000, TimeOffset: 9_000_000 }] },
    unfinished: { FileId: "f-shot" },
  },
  RemoveWatermarkTask: {
    fileId: "f-rw", errorCode: "EncodeError", progress: null,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Input: { FileId: "f-rw" }, Output: { FileId: "f-rw-out" } },
    failure: { Status: "FINISH", ErrCode: 70000, ErrCodeExt: "EncodeError", Message: "encode failed", Input: { FileId: "f-rw" } },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Input: { FileId: "f-rw" } },
  },
  RebuildMediaTask: {
    fileId: "f-rb", errorCode: "InternalError", progress: 35,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Input: { FileId: "f-rb" }, Output: { FileId: "f-rb-out" } },
    failure: { Status: "FINISH", ErrCode: 70000, ErrCodeExt: "InternalError", Message: "rebuild failed", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 35 },
  },
  ExtractTraceWatermarkTask: {
    fileId: "f-trace", errorCode: "NoWatermark", progress: null,
    success: { TaskId: "t", Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Input: { FileId: "f-trace" }, Output: { Uv: "u", Uid: "1" }, SessionId: "", SessionContext: "" },
    failure: { TaskId: "t", Status: "FINISH", ErrCode: 70000, ErrCodeExt: "NoWatermark", Message: "none found", Input: { FileId: "f-trace" }, Output: {}, SessionId: "", SessionContext: "" },
    unfinished: { TaskId: "t", Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Input: { FileId: "f-trace" }, Output: {}, SessionId: "", SessionContext: "" },
  },
  ExtractCopyRightWatermarkTask: {
    fileId: null, errorCode: "NoWatermark", progress: null,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Input: { Url: "https://example.com/v.mp4" }, Output: { Text: "(c)" } },
    failure: { Status: "FINISH", ErrCode: 70000, ErrCodeExt: "NoWatermark", Message: "none found" },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "" },
  },
  ReviewAudioVideoTask: {
    fileId: "f-review", errorCode: "SourceFileError", progress: null,
    success: { Status: "FINISH", ErrCodeExt: "", Message: "", Input: { FileId: "f-review" }, Output: { Suggestion: "pass" } },
    failure: { Status: "FINISH", ErrCodeExt: "SourceFileError", Message: "corrupt", Input: { FileId: "f-review" } },
    unfinished: { Status: "PROCESSING", ErrCodeExt: "", Message: "", Input: { FileId: "f-review" } },
  },
  ReduceMediaBitrateTask: {
    fileId: "f-rmb", errorCode: "EncodeError", progress: 30,
    success: { Status: "FINISH", FileId: "f-rmb", MediaProcessResultSet: [{ Type: "Transcode", TranscodeTask: { Status: ok, ErrCodeExt: "", Message: ok, Progress: 100, Input: { Definition: 100020 } } }] },
    failure: { Status: "FINISH", FileId: "f-rmb", MediaProcessResultSet: [{ Type: "AdaptiveDynamicStreaming", AdaptiveDynamicStreamingTask: { Status: "FAIL", ErrCodeExt: "EncodeError", Message: "encode failed", Input: { Definition: 12 } } }] },
    unfinished: { Status: "PROCESSING", FileId: "f-rmb", MediaProcessResultSet: [{ Type: "Transcode", TranscodeTask: { Status: "PROCESSING", ErrCodeExt: "", Message: "", Progress: 30 } }] },
  },
  DescribeFileAttributesTask: {
    fileId: "f-attr", errorCode: "DownloadFailed", progress: 0,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, FileId: "f-attr", Output: { Md5: "m", Sha1: "s" } },
    failure: { Status: "FINISH", ErrCode: 60000, ErrCodeExt: "DownloadFailed", Message: "download failed", Progress: 100, FileId: "f-attr" },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 0, FileId: "f-attr" },
  },
  QualityInspectTask: {
    fileId: "f-qi", errorCode: "InvalidInput", progress: null,
    success: { Status: "FINISH", ErrCodeExt: "", Message: "", Input: { FileId: "f-qi", Definition: 10 }, Output: { NoAudio: 0, NoVideo: 0 } },
    failure: { Status: "FINISH", ErrCodeExt: "InvalidInput", Message: "cannot decode", Input: { FileId: "f-qi" } },
    unfinished: { Status: "PROCESSING", ErrCodeExt: "", Message: "", Input: { FileId: "f-qi" } },
  },
  QualityEnhanceTask: {
    fileId: "f-qe", errorCode: "InternalError", progress: 55,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Input: { FileId: "f-qe", Definition: 20 }, Output: { FileId: "f-qe-out" } },
    failure: { Status: "FINISH", ErrCode: 70000, ErrCodeExt: "InternalError", Message: "enhance failed", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 55 },
  },
  ComplexAdaptiveDynamicStreamingTask: {
    fileId: null, errorCode: "EncodeError", progress: 25,
    success: { Status: "FINISH", ComplexAdaptiveDynamicStreamingTaskResultSet: [{ Status: ok, ErrCodeExt: "", Message: ok, Progress: 100, Input: { StreamPara: { Definition: 12 } } }] },
    failure: { Status: "FINISH", ComplexAdaptiveDynamicStreamingTaskResultSet: [
      { Status: ok, ErrCodeExt: "", Message: ok, Progress: 100 }, { Status: "FAIL", ErrCodeExt: "EncodeError", Message: "encode failed", Progress: 0 }] },
    unfinished: { Status: "PROCESSING", ComplexAdaptiveDynamicStreamingTaskResultSet: [{ Status: "PROCESSING", ErrCodeExt: "", Message: "", Progress: 25 }] },
  },
  ProcessMediaByMPSTask: {
    fileId: "f-mps-out", errorCode: "30010", progress: null,
    success: { Status: "FINISH", ErrCode: 0, Message: "", SubTaskSet: [{ TaskType: "MediaProcess.Transcode", Status: ok, ErrCode: "0", Message: ok, Output: { OutputFiles: [{ FileId: "f-mps-out" }] } }] },
    failure: { Status: "FINISH", ErrCode: 0, Message: "", SubTaskSet: [{ TaskType: "AiAnalysis.DeLogo", Status: "FAIL", ErrCode: "30010", Message: "erase failed" }] },
    unfinished: { Status: "PROCESSING", ErrCode: 0, Message: "", SubTaskSet: [{ TaskType: "SmartErase", Status: "PROCESSING", ErrCode: "0", Message: "" }] },
  },
  AigcImageTask: {
    fileId: "f-ref", errorCode: "InvalidPrompt", progress: 80,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Input: { FileInfos: [{ Type: "File", FileId: "f-ref" }] }, Output: { FileInfos: [{ FileId: "f-img" }] } },
    failure: { Status: "FINISH", ErrCode: 40000, ErrCodeExt: "InvalidPrompt", Message: "prompt refused", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 80 },
  },
  AigcVideoTask: {
    fileId: "f-vid", errorCode: "InternalError", progress: 15,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Input: { Prompt: "a cat" }, Output: { FileInfos: [{ FileId: "f-vid" }] } },
    failure: { Status: "FINISH", ErrCode: 70000, ErrCodeExt: "InternalError", Message: "generation failed", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 15 },
  },
  ImportMediaKnowledge: {
    fileId: "f-kb", errorCode: "70000", progress: null,
    success: { Status: "FINISH", ErrCode: 0, Message: "", FileId: "f-kb", Input: { Definition: 1 } },
    failure: { Status: "FINISH", ErrCode: 70000, Message: "import failed", FileId: "f-kb" },
    unfinished: { Status: "PROCESSING", ErrCode: 0, Message: "", FileId: "f-kb" },
  },
  SceneAigcImageTask: {
    fileId: "f-scene", errorCode: "40000", progress: 50,
    success: { Status: "FINISH", ErrCode: 0, Message: "", Progress: 100, Input: { FileInfos: [{ FileId: "f-scene" }] } },
    failure: { Status: "FINISH", ErrCode: 40000, Message: "bad scene", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, Message: "", Progress: 50 },
  },
  SceneAigcVideoTask: {
    fileId: "f-scene-out", errorCode: "70000", progress: 5,
    success: { Status: "FINISH", ErrCode: 0, Message: "", Progress: 100, Output: { FileInfos: [{ FileId: "f-scene-out" }] } },
    failure: { Status: "FINISH", ErrCode: 70000, Message: "generation failed", Progress: 100 },
    unfinished: { Status: "WAITING", ErrCode: 0, Message: "", Progress: 5 },
  },
  ProcessImageAsyncTask: {
    fileId: "f-pic", errorCode: "40000", progress: 90,
    success: { Status: "FINISH", ErrCode: 0, Message: "", Progress: 100, Input: { FileId: "f-pic" }, Output: { FileInfo: { FileId: "f-pic-out" } } },
    failure: { Status: "FINISH", ErrCode: 40000, Message: "not an image", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, Message: "", Progress: 90 },
  },
  ExtractBlindWatermarkTask: {
    fileId: "f-blind", errorCode: "70000", progress: null,
    success: { Status: "FINISH", ErrCode: 0, Message: "", InputInfo: { Type: "FILE", FileId: "f-blind" }, IsDetected: true, Result: "x" },
    failure: { Status: "FINISH", ErrCode: 70000, Message: "extract failed", InputInfo: { Type: "URL", Url: "https://example.com/v.mp4" } },
    unfinished: { Status: "PROCESSING", ErrCode: 0, Message: "" },
  },
  CreateAigcAdvancedCustomElementTask: {
    fileId: null, errorCode: "InvalidParameter", progress: 45,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Input: { ElementName: "hero" } },
    failure: { Status: "FINISH", ErrCode: 40000, ErrCodeExt: "InvalidParameter", Message: "no images", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 45 },
  },
  CreateAigcCustomVoiceTask: {
    fileId: null, errorCode: "InternalError", progress: 60,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Input: { VoiceName: "narrator" } },
    failure: { Status: "FINISH", ErrCode: 70000, ErrCodeExt: "InternalError", Message: "voice failed", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 60 },
  },
  CreateAigcSubjectTask: {
    fileId: null, errorCode: "InvalidParameter", progress: null,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Output: { SubjectId: "s1" } },
    failure: { Status: "FINISH", ErrCode: 40000, ErrCodeExt: "InvalidParameter", Message: "no subject" },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "" },
  },
  AigcVideoRedrawTask: {
    fileId: "f-redraw", errorCode: "InternalError", progress: 65,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Input: { FileInfo: { FileId: "f-redraw" } }, Output: { FileInfo: { FileId: "f-redrawn" } } },
    failure: { Status: "FINISH", ErrCode: 70000, ErrCodeExt: "InternalError", Message: "redraw failed", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 65 },
  },
  AigcAudioTask: {
    fileId: "f-audio", errorCode: "InvalidPrompt", progress: 12,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Output: { AudioInfos: [{ FileId: "f-audio" }] } },
    failure: { Status: "FINISH", ErrCode: 40000, ErrCodeExt: "InvalidPrompt", Message: "prompt refused", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 12 },
  },
  CreateAigcAudioCloneTask: {
    fileId: "f-voice", errorCode: "SourceFileError", progress: 33,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Input: { AudioFileInfo: { Type: "File", FileId: "f-voice" } } },
    failure: { Status: "FINISH", ErrCode: 60000, ErrCodeExt: "SourceFileError", Message: "unreadable audio", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 33 },
  },
  DescribeAigcFaceInfoAsyncTask: {
    fileId: "f-face", errorCode: "NoFace", progress: 75,
    success: { Status: "FINISH", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100, Input: { FileInfos: [{ Type: "File", FileId: "f-face" }] } },
    failure: { Status: "FINISH", ErrCode: 40000, ErrCodeExt: "NoFace", Message: "no face found", Progress: 100 },
    unfinished: { Status: "PROCESSING", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 75 },
  },
};
