import { describe, expect, it } from "vitest";
import { historyNotice, type HistoryNoticeInput } from "./history-notice";

const span = { before: "2026-11-29T14:00:00Z", days: 30 };
const input = (patch: Partial<HistoryNoticeInput>): HistoryNoticeInput => ({ list: span, stats: undefined, storeOk: true, wholeList: false, zone: "UTC", ...patch });

describe("historyNotice", () => {
  it("says nothing for a view upstream answers alone", () => {
    expect(historyNotice(input({ list: undefined, stats: undefined }))).toBeNull();
  });

  it("names the boundary in the page's zone and how long history is kept", () => {
    expect(historyNotice(input({}))).toEqual({
      text: "Tasks created before 2026-11-29 14:00:00 come from the dashboard's history (kept 30 days); newer ones are read live from VOD.",
      unavailable: false,
    });
    expect(historyNotice(input({ zone: "Asia/Shanghai" }))?.text).toContain("before 2026-11-29 22:00:00 come");
  });

  it("adds that the charts count the 72 hours only when the stats did not count the history", () => {
    const text = historyNotice(input({ stats: { before: "2026-11-29T14:00:05Z", days: 30 } }))?.text;
    expect(text).toMatch(/; newer ones are read live from VOD\. The charts and counts cover only VOD's last 72 hours\.$/);
    expect(historyNotice(input({}))?.text).not.toContain("charts");
  });

  it("says the charts include the history when the stats counted it, and when durations do not", () => {
    const stats = { before: "2026-11-29T14:00:05Z", days: 30 };
    const counted = historyNotice(input({ stats, statsCounted: { durations: true } }))?.text;
    expect(counted).toMatch(/newer ones are read live from VOD\. The charts and counts include the history\.$/);
    expect(counted).not.toContain("72 hours");
    expect(historyNotice(input({ stats, statsCounted: { durations: false } }))?.text)
      .toMatch(/The charts and counts include the history, except durations, which cover only VOD's last 72 hours for this filter\.$/);
  });

  it("uses the stats' boundary while the list has not said", () => {
    expect(historyNotice(input({ list: undefined, stats: span }))?.text).toMatch(/^Tasks created before 2026-11-29 14:00:00 come/);
  });

  it("says the older part cannot be shown while the store is unavailable", () => {
    expect(historyNotice(input({ storeOk: false }))).toEqual({
      text: "Tasks created before 2026-11-29 14:00:00 cannot be shown now: the dashboard's history store is unavailable. Newer ones are read live from VOD.",
      unavailable: true,
    });
    // Unknown (health not read yet) is not unavailable.
    expect(historyNotice(input({ storeOk: undefined }))?.unavailable).toBe(false);
  });

  it("says a list filtered on outcome is history's whole", () => {
    expect(historyNotice(input({ wholeList: true, list: { before: "2026-12-03T10:00:00Z", days: 7 } }))?.text)
      .toBe("Every task listed comes from the dashboard's history (kept 7 days): VOD cannot filter on outcome or error code.");
    expect(historyNotice(input({ wholeList: true, storeOk: false }))?.text).toMatch(/^This list cannot be shown now: .* its store is unavailable\.$/);
  });
});
