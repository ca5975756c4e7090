import { describe, expect, it } from "vitest";
import { normalizeTaskDetail } from "./normalize-detail";
import { OUTCOME_CASES } from "./outcome-cases";
import type { DetailKey } from "./outcome-rule";
import { RULE_KEYS } from "./outcome-rules";
import type { UpstreamTaskDetail } from "./response-shapes";

const times = { CreateTime: "2026-11-28T10:00:00Z", BeginProcessTime: "2026-11-28T10:00:05Z", FinishTime: "2026-11-28T10:02:00Z", RequestId: "r" };

/** The 2017 types have no Status of their own, so the detail's status is given, not read from them. */
function detailOf(key: DetailKey, status: string, object: object): UpstreamTaskDetail {
  return { TaskType: key.replace(/Task$/, ""), Status: status, ...times, [key]: object };
}

describe("the outcome table", () => {
  it("has a row for each of the SDK's 37 type objects", () => {
    expect(RULE_KEYS).toHaveLength(37);
    expect(Object.keys(OUTCOME_CASES).sort()).toEqual([...RULE_KEYS].sort());
  });

  describe.each(RULE_KEYS)("%s", (key) => {
    const c = OUTCOME_CASES[key];

    it("reads success, failure and an unfinished run, and the file ID", () => {
      expect(normalizeTaskDetail("t", detailOf(key, "FINISH", c.success), "f-row")).toMatchObject({
        outcome: "success", errorCode: null, progress: 100, fileId: c.fileId ?? "f-row",
      });
      const failed = normalizeTaskDetail("t", detailOf(key, "FINISH", c.failure), "f-row");
      expect(failed).toMatchObject({ outcome: "failed", errorCode: c.errorCode });
      const running = normalizeTaskDetail("t", detailOf(key, "PROCESSING", c.unfinished));
      expect(running).toMatchObject({ outcome: null, errorCode: null, progress: c.progress });
    });
  });
});
