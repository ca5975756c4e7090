import { describe, expect, it } from "vitest";
import type { StatsDetail } from "@/lib/mirror/stats-detail";
import type { ErrorCount } from "@/lib/stats/error-groups";
import type { Stats } from "@/lib/stats/stats";
import type { CountGroup } from "@/lib/store/stats-groups";
import { mergeHistory } from "./stats-merge";

const HOUR = 3_600_000;
const TO = Date.UTC(2026, 11, 1);
const FROM = TO - 7 * 24 * HOUR;

/** The mirror's answer for its part with these error groups (counts per code, each of one type). */
function live(errors: ErrorCount[]): { stats: Stats; detail: StatsDetail } {
  const top = [...errors].sort((a, b) => b.count - a.count).slice(0, 10);
  const failed = errors.reduce((sum, error) => sum + error.count, 0);
  const stats: Stats = {
    window: { from: new Date(TO - 72 * HOUR).toISOString(), to: new Date(TO).toISOString() },
    byStatus: { WAITING: 0, PROCESSING: 0, FINISH: failed, ABORTED: 0 },
    byType: [{ type: "Transcode", count: failed }],
    series: { bucketSeconds: 7_200, created: [], finished: [], outcomes: [] },
    durations: [],
    errors: top.map((error) => ({ code: error.code || "unknown", count: error.count, message: error.message, types: [...error.types.keys()] })),
    coverage: { tasksCounted: failed, complete: true, syncedAt: null, computedAt: new Date(TO).toISOString(), outcomes: { known: failed, pending: 0, failed } },
  };
  return { stats, detail: { fromMs: TO - 72 * HOUR, durations: new Map(), errors } };
}

const failure = (code: string, count: number, type = "Transcode"): ErrorCount => ({ code, count, message: `${code} happened`, types: new Map([[type, count]]) });

function stored(errorCode: string, tasks: number, type = "Procedure"): CountGroup {
  return { created: FROM + HOUR, finished: FROM + 2 * HOUR, type, status: "FINISH", outcome: "failed", errorCode, tasks, message: `${errorCode} happened` };
}

const merge = (mirror: ReturnType<typeof live>, counts: CountGroup[], withDetail = true) =>
  mergeHistory(mirror.stats, withDetail ? mirror.detail : undefined, { groups: { counts, durations: [], durationsCounted: true }, fromMs: FROM, toMs: TO, bucketSeconds: 7_200 });

describe("mergeHistory's error groups", () => {
  // Eleven codes in the mirror's part: "E10" has the fewest, 5, and is not in its top ten.
  const mirror = live([...Array.from({ length: 10 }, (_, i) => failure(`E${String(i).padStart(2, "0")}`, 100 - i)), failure("E10", 5)]);

  it("counts a code outside the mirror's top ten exactly, from the mirror's every group", () => {
    const merged = merge(mirror, [stored("E10", 200)]);
    expect(merged.errors?.[0]).toEqual({ code: "E10", count: 205, message: "E10 happened", types: ["Procedure", "Transcode"] });
    expect(merged.errors).toHaveLength(10);
    // E09 (91) drops out: the ten largest of the sum are E10 and E00 to E08.
    expect(merged.errors?.map((error) => error.code)).not.toContain("E09");
  });

  it("adds the store's count to the mirror's for the same code and orders the types by the sum", () => {
    const merged = merge(mirror, [stored("E05", 10, "Procedure"), stored("E05", 2, "Transcode")]);
    expect(merged.errors?.find((error) => error.code === "E05")).toEqual({ code: "E05", count: 107, message: "E05 happened", types: ["Transcode", "Procedure"] });
  });

  it("names a failure without a code 'unknown' once, whichever part counted it", () => {
    const merged = merge(live([failure("", 3)]), [stored("", 4)]);
    expect(merged.errors).toEqual([{ code: "unknown", count: 7, message: " happened", types: ["Procedure", "Transcode"] }]);
  });

  it("leaves out what is not a failure of an ended task", () => {
    const merged = merge(live([]), [{ ...stored("X", 3), outcome: "success" }, { ...stored("Y", 3), status: "PROCESSING" }, stored("Z", 1)]);
    expect(merged.errors?.map((error) => error.code)).toEqual(["Z"]);
  });

  it("without the mirror's detail still merges its top ten", () => {
    const merged = merge(mirror, [stored("E10", 200)], false);
    // The mirror's 5 of E10 are not in its top ten: only the store's 200 are known.
    expect(merged.errors?.[0]).toMatchObject({ code: "E10", count: 200 });
    expect(merged.errors?.find((error) => error.code === "E00")).toMatchObject({ count: 100, types: ["Transcode"] });
  });
});
