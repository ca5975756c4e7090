import { describe, expect, it } from "vitest";
import { freezeWindow, isFrozen } from "./freeze";
import { reversedRanges } from "./time-window";

const NOW = Date.UTC(2026, 11, 3, 8, 30, 15, 400);
const none = { createdAfter: null, createdBefore: null, finishedAfter: null, finishedBefore: null };

describe("freezeWindow", () => {
  it("fixes the default view to upstream's 72 hours up to now", () => {
    expect(freezeWindow(none, NOW)).toEqual({ ...none, createdAfter: "2026-11-30T08:30:16Z", createdBefore: "2026-12-03T08:30:15Z" });
  });

  it("fixes both ends of a quick range, so the window stops sliding", () => {
    const frozen = freezeWindow({ ...none, createdAfter: "now-6h" }, NOW);
    expect(frozen).toEqual({ ...none, createdAfter: "2026-12-03T02:30:15Z", createdBefore: "2026-12-03T08:30:15Z" });
    expect(isFrozen(frozen)).toBe(true);
    // Frozen twice is frozen once.
    expect(freezeWindow(frozen, NOW + 60_000)).toEqual(frozen);
  });

  it("keeps absolute bounds and fixes a finished range's open end", () => {
    expect(freezeWindow({ ...none, createdAfter: "2026-12-01T00:00:00Z", finishedAfter: "now-1h" }, NOW)).toEqual({
      createdAfter: "2026-12-01T00:00:00Z", createdBefore: "2026-12-03T08:30:15Z",
      finishedAfter: "2026-12-03T07:30:15Z", finishedBefore: "2026-12-03T08:30:15Z",
    });
  });

  it("knows a window that is not frozen yet", () => {
    expect(isFrozen(none)).toBe(false);
    expect(isFrozen({ ...none, createdAfter: "2026-12-01T00:00:00Z" })).toBe(false);
    expect(isFrozen({ ...none, createdAfter: "2026-12-01T00:00:00Z", createdBefore: "now" })).toBe(false);
  });
});

describe("reversedRanges", () => {
  it("names the end of a range that is not after its start", () => {
    expect(reversedRanges({ createdAfter: "2026-12-03T08:00:00Z", createdBefore: "2026-12-03T07:00:00Z" }, NOW))
      .toEqual([{ param: "createdBefore", message: "must be later than createdAfter" }]);
    expect(reversedRanges({ finishedAfter: "now-1h", finishedBefore: "now-2h" }, NOW)).toEqual([{ param: "finishedBefore", message: "must be later than finishedAfter" }]);
    expect(reversedRanges({ createdAfter: "now-2h", createdBefore: "now-1h", finishedAfter: "garbage" }, NOW)).toEqual([]);
  });
});
