import { describe, expect, it } from "vitest";
import { statusAlias } from "./status-alias";

const alias = (query: string) => statusAlias(new URLSearchParams(query));

describe("statusAlias", () => {
  it("leads status=FAILED, in any case, to outcome=failed and says so", () => {
    for (const value of ["FAILED", "failed", "Fail"]) {
      expect(alias(`status=${value}&type=Procedure`)).toEqual({
        patch: { status: null, outcome: "failed" },
        note: { param: "status", value, reason: expect.stringContaining("outcome=failed") },
      });
    }
  });

  it("leads status=ABORTED to the aborted tasks' error code", () => {
    expect(alias("status=aborted")?.patch).toEqual({ status: null, errorCode: "ABORTED" });
  });

  it("leaves every other link alone, and one that already names an outcome or code", () => {
    expect(alias("status=FINISH")).toBeNull();
    expect(alias("status=bogus")).toBeNull();
    expect(alias("")).toBeNull();
    expect(alias("status=FAILED&outcome=success")).toBeNull();
    expect(alias("status=FAILED&errorCode=InvalidInput")).toBeNull();
    expect(alias("status=FAILED&status=WAITING")).toBeNull();
  });
});
