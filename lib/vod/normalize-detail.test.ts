import { describe, expect, it } from "vitest";
import { normalizeTaskDetail } from "./normalize-detail";
import type { UpstreamTaskDetail } from "./response-shapes";
import type { ProcedureTask } from "./wire";

const times = { CreateTime: "2026-11-28T10:00:00Z", BeginProcessTime: "2026-11-28T10:00:05Z", FinishTime: "2026-11-28T10:02:00Z", RequestId: "r" };

function procedure(status: string, task: ProcedureTask): UpstreamTaskDetail {
  return { TaskType: "Procedure", Status: status, ...times, ProcedureTask: { TaskId: "p1", Status: status, FileId: "f9", SessionId: "s1", SessionContext: "ctx", ...task } };
}

const transcode = { Type: "Transcode", TranscodeTask: { Status: "SUCCESS", ErrCode: 0, ErrCodeExt: "", Message: "SUCCESS", Progress: 100, Input: { Definition: 100030 } } };

describe("normalizeTaskDetail", () => {
  it("lists every step of a Procedure, media processing and AI alike, each with its own kind and outcome", () => {
    const detail = normalizeTaskDetail("p1", procedure("FINISH", {
      ErrCode: 0, Message: "",
      MediaProcessResultSet: [transcode],
      AiContentReviewResultSet: [{ Type: "Porn", PornTask: { Status: "SUCCESS", ErrCodeExt: "", ErrCode: 0, Message: "", Progress: 100, Input: { Definition: 10 } } }],
      AiAnalysisResultSet: [{ Type: "Tag", TagTask: { Status: "SUCCESS", ErrCodeExt: "", ErrCode: 0, Message: "", Progress: 100 } }],
      AiRecognitionResultSet: [{ Type: "OcrWordsRecognition", OcrWordsTask: { Status: "SUCCESS", ErrCodeExt: "", ErrCode: 0, Message: "", Progress: 100 } }],
    }));
    expect(detail).toMatchObject({ outcome: "success", errorCode: null, progress: 100, fileId: "f9", sessionId: "s1", sessionContext: "ctx",
      finishTime: "2026-11-28T10:02:00Z" });
    expect(detail.subTasks).toEqual([
      { kind: "MediaProcess", type: "Transcode", status: "SUCCESS", errorCode: null, message: "SUCCESS", progress: 100, definition: 100030 },
      { kind: "AiContentReview", type: "Porn", status: "SUCCESS", errorCode: null, message: "", progress: 100, definition: 10 },
      { kind: "AiAnalysis", type: "Tag", status: "SUCCESS", errorCode: null, message: "", progress: 100, definition: null },
      { kind: "AiRecognition", type: "OcrWordsRecognition", status: "SUCCESS", errorCode: null, message: "", progress: 100, definition: null },
    ]);
  });

  it("reads a Procedure whose content review failed as failed, though its transcodes succeeded and its own ErrCode is 0", () => {
    const detail = normalizeTaskDetail("p1", procedure("FINISH", {
      ErrCode: 0, Message: "",
      MediaProcessResultSet: [transcode],
      AiContentReviewResultSet: [{ Type: "Political.Ocr", PoliticalOcrTask: { Status: "FAIL", ErrCodeExt: "SourceFileError", ErrCode: 60000, Message: "cannot read frames", Progress: 0 } }],
    }));
    expect(detail).toMatchObject({ outcome: "failed", errorCode: "SourceFileError", message: "cannot read frames" });
    expect(detail.subTasks.map((step) => [step.kind, step.status])).toEqual([["MediaProcess", "SUCCESS"], ["AiContentReview", "FAIL"]]);
  });

  it("still counts Procedure's deprecated ErrCode when no step reports a failure", () => {
    const detail = normalizeTaskDetail("p1", procedure("FINISH", { ErrCode: 30010, Message: "transcode failed" }));
    expect(detail).toMatchObject({ outcome: "failed", errorCode: "30010", message: "transcode failed" });
  });

  it("has no outcome while a task waits or runs, with progress from its steps", () => {
    const waiting = normalizeTaskDetail("p1", procedure("WAITING", { MediaProcessResultSet: [{ Type: "Transcode", TranscodeTask: { Status: "WAITING", Progress: 0 } }] }));
    expect(waiting).toMatchObject({ outcome: null, errorCode: null, progress: 0, subTasks: [{ status: "WAITING" }] });
    const running = normalizeTaskDetail("p1", procedure("PROCESSING", {
      MediaProcessResultSet: [{ Type: "Transcode", TranscodeTask: { Status: "PROCESSING", Progress: 40 } }, { Type: "Transcode", TranscodeTask: { Status: "PROCESSING", Progress: 60 } }],
    }));
    expect(running).toMatchObject({ outcome: null, errorCode: null, progress: 50 });
  });

  it("treats ABORTED as failed, with the aborted step's code or else ABORTED", () => {
    const step = normalizeTaskDetail("p1", procedure("ABORTED", {
      MediaProcessResultSet: [{ Type: "Transcode", TranscodeTask: { Status: "FAIL", ErrCodeExt: "TaskAborted", ErrCode: 70000, Message: "aborted" } }],
    }));
    expect(step).toMatchObject({ outcome: "failed", errorCode: "TaskAborted" });
    const bare = normalizeTaskDetail("i1", { TaskType: "ImageSprite", Status: "ABORTED", ...times, CreateImageSpriteTask: { TaskId: "i1", ErrCode: 0, Message: "" } });
    expect(bare).toMatchObject({ outcome: "failed", errorCode: "ABORTED", message: "The task was aborted." });
  });

  it("takes the listing's FileId only when the detail names none", () => {
    const edit = { TaskType: "EditMedia", Status: "FINISH", ...times, EditMediaTask: { ErrCode: 0, Input: { FileInfoSet: [{ FileId: "f-in" }] } } };
    expect(normalizeTaskDetail("e1", edit, "f-row").fileId).toBe("f-in");
    const url = { TaskType: "ExtractCopyRightWatermark", Status: "FINISH", ...times, ExtractCopyRightWatermarkTask: { Input: { Url: "https://example.com/v.mp4" } } };
    expect(normalizeTaskDetail("w1", url, "f-row").fileId).toBe("f-row");
    expect(normalizeTaskDetail("w1", url).fileId).toBe("");
  });

  it("reads a type the SDK does not declare by its usual fields", () => {
    const detail = normalizeTaskDetail("c1", { TaskType: "FastClipMedia", Status: "FINISH", ...times,
      FastClipMediaTask: { ErrCode: 70000, ErrCodeExt: "InternalError", Message: "clip failed", Input: { FileId: "f-fast" } } });
    expect(detail).toMatchObject({ outcome: "failed", errorCode: "InternalError", message: "clip failed", fileId: "f-fast" });
  });

  it("survives JSON that does not match the declaration", () => {
    const detail = normalizeTaskDetail("p1", { TaskType: "Procedure", Status: "FINISH", ...times,
      ProcedureTask: { FileId: 7, MediaProcessResultSet: "none", AiContentReviewResultSet: [null, 3, { Type: "Porn", PornTask: null }] } });
    expect(detail).toMatchObject({ outcome: "success", fileId: "", subTasks: [] });
    const compose = normalizeTaskDetail("m1", { TaskType: "ComposeMedia", Status: "FINISH", ...times, ComposeMediaTask: { Input: { Tracks: [null, { TrackItems: "x" }] } } });
    expect(compose).toMatchObject({ outcome: "success", fileId: "" });
  });

  it("turns zero times into null", () => {
    const detail = normalizeTaskDetail("p1", { ...procedure("WAITING", {}), BeginProcessTime: "0001-01-01T00:00:00Z", FinishTime: "" });
    expect(detail).toMatchObject({ beginProcessTime: null, finishTime: null, progress: 0 });
  });
});
