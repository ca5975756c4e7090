import { describe, expect, it } from "vitest";
import { outcomeView } from "./outcome-view";

describe("outcomeView", () => {
  it("says failed with the error code, and treats an abort as a failure even before the list says so", () => {
    expect(outcomeView({ status: "FINISH", outcome: "failed", errorCode: "InvalidInput" })).toEqual({ state: "failed", code: "InvalidInput", label: "Failed" });
    expect(outcomeView({ status: "ABORTED", outcome: null, errorCode: null })).toEqual({ state: "failed", code: "ABORTED", label: "Failed" });
    expect(outcomeView({ status: "ABORTED", outcome: "failed", errorCode: "ABORTED" }).code).toBe("ABORTED");
    expect(outcomeView({ status: "FINISH", outcome: "failed", errorCode: null })).toEqual({ state: "failed", code: null, label: "Failed" });
  });

  it("says success only when the lookup said so; a finished task without one is pending", () => {
    expect(outcomeView({ status: "FINISH", outcome: "success", errorCode: null }).state).toBe("success");
    expect(outcomeView({ status: "FINISH", outcome: null, errorCode: null })).toEqual({ state: "pending", code: null, label: "Pending" });
    expect(outcomeView({ status: "FINISH" }).state).toBe("pending");
  });

  it("has no outcome for a task still waiting or running", () => {
    expect(outcomeView({ status: "WAITING", outcome: null }).state).toBe("none");
    expect(outcomeView({ status: "PROCESSING" })).toEqual({ state: "none", code: null, label: "" });
  });
});

describe("subTaskOutcome", () => {
  it("reads upstream's SUCCESS and FAIL, and a status-less step by its error code", async () => {
    const { subTaskOutcome } = await import("./outcome-view");
    expect(subTaskOutcome({ status: "FAIL", errorCode: "InternalError" }, true)).toEqual({ state: "failed", label: "Failed" });
    expect(subTaskOutcome({ status: "SUCCESS", errorCode: null }, true)).toEqual({ state: "success", label: "Success" });
    expect(subTaskOutcome({ status: "", errorCode: "40000" }, true).state).toBe("failed");
    expect(subTaskOutcome({ status: "", errorCode: null }, true).state).toBe("success");
    expect(subTaskOutcome({ status: "", errorCode: null }, false)).toEqual({ state: "none", label: "—" });
    expect(subTaskOutcome({ status: "PROCESSING", errorCode: null }, false)).toEqual({ state: "none", label: "Processing" });
  });
});
