import { describe, expect, it } from "vitest";
import { normalizeTaskDetail } from "./normalize-detail";
import type { UpstreamTaskDetail } from "./response-shapes";

const times = { CreateTime: "2026-11-28T10:00:00Z", BeginProcessTime: "2026-11-28T10:00:05Z", FinishTime: "2026-11-28T10:02:00Z", RequestId: "r" };

function procedure(status: string, steps: Array<Record<string, unknown>>, extra: Record<string, unknown> = {}): UpstreamTaskDetail {
  return {
    TaskType: "Procedure", Status: status, ...times,
    ProcedureTask: { TaskId: "p1", Status: status, FileId: "f9", SessionId: "s1", SessionContext: "ctx", ErrCode: 0, Message: "",
      MediaProcessResultSet: steps.map((step) => ({ Type: "Transcode", TranscodeTask: step })), ...extra },
  } as UpstreamTaskDetail;
}

describe("normalizeTaskDetail", () => {
  it("reads a finished Procedure whose transcodes all succeeded as a success", () => {
    const detail = normalizeTaskDetail("p1", procedure("FINISH", [
      { Status: "SUCCESS", ErrCode: 0, ErrCodeExt: "", Message: "SUCCESS", Progress: 100, Input: { Definition: 100030 } },
    ]));
    expect(detail).toMatchObject({ outcome: "success", errorCode: null, progress: 100, fileId: "f9", sessionId: "s1", sessionContext: "ctx",
      finishTime: "2026-11-28T10:02:00Z" });
    expect(detail.subTasks).toEqual([{ type: "Transcode", status: "SUCCESS", errorCode: null, message: "SUCCESS", progress: 100, definition: 100030 }]);
  });

  it("reads a FINISH Procedure with a failed transcode as failed, with its ErrCodeExt and message", () => {
    const detail = normalizeTaskDetail("p1", procedure("FINISH", [
      { Status: "SUCCESS", ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100 },
      { Status: "FAIL", ErrCode: 40000, ErrCodeExt: "InvalidInput.SourceFile", Message: "source file is damaged", Progress: 0 },
    ]));
    expect(detail).toMatchObject({ outcome: "failed", errorCode: "InvalidInput.SourceFile", message: "source file is damaged" });
  });

  it("has no outcome while a task is unfinished, with progress from its steps", () => {
    const detail = normalizeTaskDetail("p1", procedure("PROCESSING", [
      { Status: "PROCESSING", Progress: 40 }, { Status: "PROCESSING", Progress: 60 },
    ], {}));
    expect(detail).toMatchObject({ outcome: null, errorCode: null, progress: 50 });
  });

  it("reads EditMedia's own ErrCodeExt, and ErrCode when that is all there is", () => {
    const base = { TaskType: "EditMedia", Status: "FINISH", ...times };
    const failed = normalizeTaskDetail("e1", { ...base, EditMediaTask: { TaskId: "e1", Status: "FINISH", ErrCode: 70000, ErrCodeExt: "FailedOperation.Edit", Message: "bad clip", Progress: 100 } } as UpstreamTaskDetail);
    expect(failed).toMatchObject({ outcome: "failed", errorCode: "FailedOperation.Edit", message: "bad clip" });
    const legacy = normalizeTaskDetail("e1", { ...base, EditMediaTask: { ErrCode: 70000, Message: "x" } } as UpstreamTaskDetail);
    expect(legacy).toMatchObject({ outcome: "failed", errorCode: "70000" });
    const ok = normalizeTaskDetail("e1", { ...base, EditMediaTask: { ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100 } } as UpstreamTaskDetail);
    expect(ok).toMatchObject({ outcome: "success", progress: 100 });
  });

  it("finds a type's record under a name of its own, and treats ABORTED as failed", () => {
    const detail = normalizeTaskDetail("i1", { TaskType: "ImageSprite", Status: "ABORTED", ...times,
      CreateImageSpriteTask: { TaskId: "i1", Status: "ABORTED", ErrCode: 0, Message: "" } } as UpstreamTaskDetail);
    expect(detail).toMatchObject({ outcome: "failed", errorCode: "ABORTED" });
  });

  it("turns zero times into null", () => {
    const detail = normalizeTaskDetail("p1", { ...procedure("WAITING", []), BeginProcessTime: "0001-01-01T00:00:00Z", FinishTime: "" } as UpstreamTaskDetail);
    expect(detail).toMatchObject({ beginProcessTime: null, finishTime: null, progress: 0 });
  });
});
