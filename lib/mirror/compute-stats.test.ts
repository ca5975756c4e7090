import { describe, expect, it } from "vitest";
import type { TaskQuery } from "@/lib/filters/task-query";
import { resolveTimeWindow } from "@/lib/filters/time-window";
import { upstreamTask } from "@/lib/testing/fake-gateway";
import { computeStats } from "./compute-stats";
import { OutcomeColumns } from "./outcome-columns";
import { statsDetail } from "./stats-detail";
import { TaskColumns } from "./task-columns";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const at = (minutesAgo: number, seconds = 0) => new Date(NOW - minutesAgo * 60_000 + seconds * 1_000).toISOString().replace(".000Z", "Z");
const ZERO = "0001-01-01T00:00:00Z";

/** Six tasks whose every figure can be checked by hand. */
function table(): TaskColumns {
  const t = new TaskColumns(2);
  t.upsert(upstreamTask("a", { TaskType: "Procedure", FileId: "f1", Status: "FINISH", CreateTime: at(50), BeginProcessTime: at(50, 10), FinishTime: at(48) }));
  t.upsert(upstreamTask("b", { TaskType: "Procedure", FileId: "f2", Status: "FINISH", CreateTime: at(40), BeginProcessTime: at(40, 30), FinishTime: at(39, 30) }));
  t.upsert(upstreamTask("c", { TaskType: "EditMedia", FileId: "f1", Status: "PROCESSING", CreateTime: at(30), BeginProcessTime: at(29), FinishTime: ZERO }));
  t.upsert(upstreamTask("d", { TaskType: "EditMedia", FileId: "f3", Status: "WAITING", CreateTime: at(5), BeginProcessTime: ZERO, FinishTime: ZERO }));
  t.upsert(upstreamTask("e", { TaskType: "Procedure", FileId: "f3", Status: "ABORTED", CreateTime: at(20), BeginProcessTime: at(20, 5), FinishTime: at(19) }));
  t.upsert(upstreamTask("old", { TaskType: "Procedure", Status: "FINISH", CreateTime: at(73 * 60), BeginProcessTime: at(73 * 60), FinishTime: at(72 * 60 + 30) }));
  return t;
}

const COVERAGE = { complete: true, syncedAt: "2026-12-01T12:00:00Z" };

function stats(params: Partial<TaskQuery> = {}) {
  const query: TaskQuery = { sort: "createTime:desc", limit: 50, ...params };
  const window = resolveTimeWindow(query, NOW);
  if (!window.ok) throw new Error(window.message);
  return computeStats(table(), query, window.value, NOW, COVERAGE);
}

describe("computeStats", () => {
  it("counts by status and type inside the 72-hour window", () => {
    const result = stats();
    expect(result.byStatus).toEqual({ WAITING: 1, PROCESSING: 1, FINISH: 2, ABORTED: 1 });
    expect(result.byType).toEqual([{ type: "Procedure", count: 3 }, { type: "EditMedia", count: 2 }]);
    expect(result.coverage).toEqual({ ...COVERAGE, tasksCounted: 5, computedAt: "2026-12-01T12:00:00Z" });
    expect(result.series.bucketSeconds).toBe(3_600);
    expect(result.series.created).toHaveLength(72);
  });

  it("takes wait and run percentiles per type and for all, in seconds", () => {
    const byType = Object.fromEntries(stats().durations.map((group) => [group.type, group]));
    expect(Object.keys(byType)).toEqual(["all", "Procedure", "EditMedia"]);
    // Waits: a 10, b 30, c 60, e 5; runs (FINISH only): a 110, b 60.
    expect(byType.all.wait).toEqual({ count: 4, p50: 10, p90: 60, p99: 60 });
    expect(byType.all.run).toEqual({ count: 2, p50: 60, p90: 110, p99: 110 });
    expect(byType.Procedure.wait).toEqual({ count: 3, p50: 10, p90: 30, p99: 30 });
    expect(byType.EditMedia.wait).toEqual({ count: 1, p50: 60, p90: 60, p99: 60 });
    expect(byType.EditMedia.run).toEqual({ count: 0, p50: null, p90: null, p99: null });
  });

  it("puts tasks in buckets sized for the window: created stacked by status, and finished", () => {
    const result = stats({ createdAfter: "now-1h" });
    expect(result.window).toEqual({ from: "2026-12-01T11:00:00Z", to: "2026-12-01T12:00:00Z" });
    expect(result.series.bucketSeconds).toBe(60);
    expect(result.series.created).toHaveLength(60);
    const created = result.series.created.filter((bucket) => bucket.total > 0).map((bucket) => [bucket.start.slice(11, 16), bucket.counts]);
    expect(created).toEqual([
      ["11:10", { WAITING: 0, PROCESSING: 0, FINISH: 1, ABORTED: 0 }],
      ["11:20", { WAITING: 0, PROCESSING: 0, FINISH: 1, ABORTED: 0 }],
      ["11:30", { WAITING: 0, PROCESSING: 1, FINISH: 0, ABORTED: 0 }],
      ["11:40", { WAITING: 0, PROCESSING: 0, FINISH: 0, ABORTED: 1 }],
      ["11:55", { WAITING: 1, PROCESSING: 0, FINISH: 0, ABORTED: 0 }],
    ]);
    const finished = result.series.finished.filter((bucket) => bucket.total > 0).map((bucket) => [bucket.start.slice(11, 16), bucket.total]);
    expect(finished).toEqual([["11:12", 1], ["11:21", 1], ["11:41", 1]]);
    expect(stats({ createdAfter: "now-6h" }).series.bucketSeconds).toBe(300);
    expect(stats({ createdAfter: "now-24h" }).series.bucketSeconds).toBe(900);
  });

  it.each([
    [{ status: "FINISH" as const }, ["a", "b"]],
    [{ status: "WAITING" as const }, ["d"]],
    [{ type: "EditMedia" }, ["c", "d"]],
    [{ type: "Nope" }, []],
    [{ fileId: "f3" }, ["d", "e"]],
    [{ fileId: "f3", type: "Procedure" }, ["e"]],
    [{ createdAfter: "now-30m" }, ["c", "d", "e"]],
    [{ createdBefore: "now-30m" }, ["a", "b"]],
    [{ finishedAfter: "now-40m" }, ["b", "e"]],
    [{ finishedBefore: "now-40m" }, ["a"]],
  ])("filters like /api/tasks: %j", (params, ids) => {
    const result = stats(params);
    expect(result.coverage.tasksCounted).toBe(ids.length);
    const byId: Record<string, string> = { a: "Procedure", b: "Procedure", c: "EditMedia", d: "EditMedia", e: "Procedure" };
    const types = new Map<string, number>();
    for (const id of ids) types.set(byId[id], (types.get(byId[id]) ?? 0) + 1);
    expect(Object.fromEntries(result.byType.map((entry) => [entry.type, entry.count]))).toEqual(Object.fromEntries(types));
  });

  it("counts outcomes, groups failures by code, filters on a code, and gives the failures per finish bucket", () => {
    const t = table();
    const outcomes = new OutcomeColumns(t);
    outcomes.set("a", "success", null, "SUCCESS");
    outcomes.set("b", "failed", "InvalidInput", "Invalid input: the source media cannot be decoded.");
    const run = (params: Partial<TaskQuery> = {}) => {
      const query: TaskQuery = { sort: "createTime:desc", limit: 50, createdAfter: "now-1h", ...params };
      const window = resolveTimeWindow(query, NOW);
      if (!window.ok) throw new Error(window.message);
      return computeStats(t, query, window.value, NOW, COVERAGE, outcomes);
    };
    const all = run();
    // a succeeded, b failed, e aborted (failed without a lookup); no ended task is pending.
    expect(all.coverage.outcomes).toEqual({ known: 3, pending: 0, failed: 2 });
    expect(all.errors).toEqual([
      { code: "ABORTED", count: 1, message: "The task was aborted.", types: ["Procedure"] },
      { code: "InvalidInput", count: 1, message: "Invalid input: the source media cannot be decoded.", types: ["Procedure"] },
    ]);
    const failing = all.series.outcomes!.filter((bucket) => bucket.known > 0).map((bucket) => [bucket.start.slice(11, 16), bucket.known, bucket.failed]);
    expect(failing).toEqual([["11:12", 1, 0], ["11:21", 1, 1], ["11:41", 1, 1]]);
    const byCode = run({ errorCode: "InvalidInput" });
    expect(byCode.byStatus).toEqual({ WAITING: 0, PROCESSING: 0, FINISH: 1, ABORTED: 0 });
    expect(run({ errorCode: "InvalidInput", outcome: "success" }).coverage.tasksCounted).toBe(0);
    expect(run({ errorCode: "Nothing" }).coverage.tasksCounted).toBe(0);
  });

  it("lists the ten largest error groups and keeps every group, counted per type, beside the answer", () => {
    const t = new TaskColumns(16);
    const outcomes = new OutcomeColumns(t);
    // Twelve codes: code Ck failed k + 1 times, in Transcode tasks, and once more in a Procedure for C0.
    const codes = Array.from({ length: 12 }, (_, k) => `C${k}`);
    let n = 0;
    const fail = (code: string, type: string) => {
      const id = `t${n++}`;
      t.upsert(upstreamTask(id, { TaskType: type, Status: "FINISH", CreateTime: at(30), BeginProcessTime: at(29), FinishTime: at(28) }));
      outcomes.set(id, "failed", code, `${code} failed`);
    };
    codes.forEach((code, k) => Array.from({ length: k + 1 }, () => fail(code, "Transcode")));
    fail("C0", "Procedure");
    const query: TaskQuery = { sort: "createTime:desc", limit: 50, createdAfter: "now-1h" };
    const window = resolveTimeWindow(query, NOW);
    if (!window.ok) throw new Error(window.message);
    const result = computeStats(t, query, window.value, NOW, COVERAGE, outcomes);
    expect(result.errors?.map((error) => error.code)).toEqual(["C11", "C10", "C9", "C8", "C7", "C6", "C5", "C4", "C3", "C2"]);
    const all = statsDetail(result)?.errors ?? [];
    expect(all).toHaveLength(12);
    expect(all.find((error) => error.code === "C0")).toEqual({ code: "C0", count: 2, message: "C0 failed", types: new Map([["Transcode", 1], ["Procedure", 1]]) });
  });
});
