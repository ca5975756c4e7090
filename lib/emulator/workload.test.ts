import { describe, expect, it } from "vitest";
import { describeTaskDetail } from "./describe-task-detail";
import { describeTasks, TokenBook } from "./describe-tasks";
import { ST_FINISH } from "./partition";
import { TaskStore } from "./store";
import { TASK_TYPES } from "./task-types";
import { OUTCOME_FAIL } from "./workload";

const T0 = Date.UTC(2026, 10, 28, 9, 30, 0);
const make = (seed: number) => new TaskStore({ seed, tasksPerHour: 600, subApps: [1500000001, 1500000002], now: () => T0 });
const listing = (s: TaskStore) => describeTasks(s, new TokenBook(), { Limit: 100 }, T0).TaskSet;

describe("workload", () => {
  const store = make(1);
  const part = store.partitions[0];

  it("is the same for the same seed and different for another", () => {
    expect(listing(make(1))).toEqual(listing(store));
    expect(make(1).taskCount).toBe(store.taskCount);
    expect(listing(make(2))).not.toEqual(listing(store));
  });

  it("pre-fills about 72 hours at the configured rate", () => {
    expect(store.taskCount).toBeGreaterThan(600 * 72 * 0.8);
    expect(store.taskCount).toBeLessThan(600 * 72 * 1.25);
  });

  it("has realistic proportions: Procedure first, a few percent failures, rare aborts", () => {
    const byType = new Map<string, number>();
    let failed = 0;
    let aborted = 0;
    for (let i = 0; i < part.count; i++) {
      const name = TASK_TYPES[part.type[i]].name;
      byType.set(name, (byType.get(name) ?? 0) + 1);
      if (part.status[i] === ST_FINISH && part.outcome[i] === OUTCOME_FAIL) failed++;
      if (part.status[i] === 3) aborted++;
    }
    const share = (n: number) => n / part.count;
    expect(share(byType.get("Procedure")!)).toBeGreaterThan(0.45);
    expect(byType.size).toBeGreaterThanOrEqual(8);
    expect(share(failed)).toBeGreaterThan(0.01);
    expect(share(failed)).toBeLessThan(0.08);
    expect(aborted).toBeGreaterThan(0);
    expect(share(aborted)).toBeLessThan(0.01);
  });

  it("repeats FileIds across tasks", () => {
    let shared = 0;
    for (const list of part.files.values()) if (list.length > 1) shared++;
    expect(shared).toBeGreaterThan(part.files.size * 0.3);
  });

  it("shows failures only in the detail: FINISH in the listing, FAIL in the detail", () => {
    let i = 0;
    while (!(part.status[i] === ST_FINISH && part.outcome[i] === OUTCOME_FAIL && part.type[i] === 0)) i++;
    const taskId = store.taskId(part, i);
    const page = describeTasks(store, new TokenBook(), { ScrollToken: taskId, Limit: 1 }, T0).TaskSet![0];
    expect(page).toMatchObject({ TaskId: taskId, Status: "FINISH" });
    const detail = describeTaskDetail(store, { TaskId: taskId }, T0);
    expect(detail.Status).toBe("FINISH");
    const task = detail.ProcedureTask!;
    const transcodes = task.MediaProcessResultSet!.map((r) => r.TranscodeTask!);
    // The failed step may be a transcode or an AI step: each is `{ Type, <Kind>Task }`.
    const ai = [task.AiContentReviewResultSet, task.AiAnalysisResultSet, task.AiRecognitionResultSet].flatMap((set) =>
      (set ?? []).map((entry) => Object.values(entry).find((value) => typeof value === "object") as typeof transcodes[number]));
    expect([...transcodes, ...ai].some((t) => t.Status === "FAIL" && t.ErrCode !== 0 && t.ErrCodeExt && t.Message)).toBe(true);
    expect(transcodes[0].Input!.Definition).toBeGreaterThan(0);
  });

  it("fills the type's own detail object", () => {
    for (let type = 1; type < TASK_TYPES.length; type++) {
      let i = 0;
      while (part.type[i] !== type) i++;
      const detail = describeTaskDetail(store, { TaskId: store.taskId(part, i) }, T0) as Record<string, unknown>;
      const object = Object.entries(detail).find(([k]) => k.endsWith("Task"));
      expect(object, TASK_TYPES[type].name).toBeDefined();
      expect(object![1]).toMatchObject({ TaskId: store.taskId(part, i), Status: detail.Status });
    }
  });

  it("moves in real time: tasks arrive, start and finish; stalls freeze processing", () => {
    let now = T0;
    const live = new TaskStore({ seed: 5, tasksPerHour: 3600, subApps: [1], now: () => now });
    const p = live.partitions[0];
    const before = p.count;
    const finishedBefore = p.finishCount;
    now += 300_000;
    live.advance(now);
    expect(p.count).toBeGreaterThan(before + 100);
    expect(p.finishCount).toBeGreaterThan(finishedBefore + 100);
    live.setStalled(true, now);
    const waiting = p.waiting.length;
    const finished = p.finishCount;
    now += 300_000;
    live.advance(now);
    expect(p.finishCount).toBe(finished);
    expect(p.waiting.length).toBeGreaterThan(waiting + 100);
    live.setStalled(false, now);
    now += 600_000;
    live.advance(now);
    expect(p.finishCount).toBeGreaterThan(finished + 100);
    expect(p.waiting.length).toBeLessThan(waiting + 100);
  });
});
