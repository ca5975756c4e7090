import { describe, expect, it } from "vitest";
import { emptyViewReasons } from "./empty-view";
import type { Filters } from "./view-query";

const NONE: Filters = {
  status: null, fileId: null, type: null, outcome: null, errorCode: null, fileName: null, createdAfter: null, createdBefore: null,
  finishedAfter: null, finishedBefore: null, sort: "createTime:desc", limit: 50, subAppId: null,
};
const format = (text: string) => text.replace("T", " ").replace(":00Z", "");

describe("emptyViewReasons", () => {
  it("offers to look further back than upstream's 72 hours when the store keeps more, and nothing when it does not", () => {
    expect(emptyViewReasons(NONE, 30, format)).toEqual([{
      text: "created in the last 3 days (upstream's window; this dashboard keeps 30 days)",
      action: { label: "Look back 30 days", patch: { createdAfter: "now-30d" } },
    }]);
    expect(emptyViewReasons(NONE, 3, format)).toEqual([]);
  });

  it("names each narrowing filter with the step that drops it", () => {
    const reasons = emptyViewReasons({ ...NONE, status: "PROCESSING", fileId: "5285", type: "Procedure", errorCode: "InvalidInput" }, 30, format);
    expect(reasons.map((reason) => [reason.text, reason.action.label])).toEqual([
      ["processing", "Any status"], ["that failed with InvalidInput", "Any error code"], ["of file 5285", "Any file"], ["of type Procedure", "Any type"],
      ["created in the last 3 days (upstream's window; this dashboard keeps 30 days)", "Look back 30 days"],
    ]);
    expect(reasons[0].action.patch).toEqual({ status: null });
  });

  it("grows a short relative window to the next preset, and opens a fixed one", () => {
    expect(emptyViewReasons({ ...NONE, createdAfter: "now-15m" }, 30, format)).toEqual([{
      text: "created in the last 15 min", action: { label: "Last hour", patch: { createdAfter: "now-1h", createdBefore: null } },
    }]);
    expect(emptyViewReasons({ ...NONE, createdAfter: "now-3d" }, 7, format)[0].action.patch).toEqual({ createdAfter: "now-7d", createdBefore: null });
    expect(emptyViewReasons({ ...NONE, createdAfter: "now-30d" }, 30, format)[0].action).toEqual({ label: "Any time", patch: { createdAfter: null, createdBefore: null } });
    const fixed = emptyViewReasons({ ...NONE, finishedAfter: "2026-12-03T10:00:00Z", finishedBefore: "2026-12-03T11:00:00Z" }, 30, format);
    expect(fixed).toEqual([{ text: "finished between 2026-12-03 10:00 and 2026-12-03 11:00", action: { label: "Any finish time", patch: { finishedAfter: null, finishedBefore: null } } }]);
  });
});
