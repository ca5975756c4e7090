import { describe, expect, it } from "vitest";
import type { Outcome } from "@/lib/model/task";
import { FinishedOutcomes, type EndedTaskRef } from "./finished-outcomes";

const task = (taskId: string, status: "FINISH" | "ABORTED" = "FINISH", finishMs = 0): EndedTaskRef => ({ taskId, taskType: "Procedure", status, finishMs });

describe("FinishedOutcomes", () => {
  it("counts an abort as failed at once, and a finished task once its lookup says how it ended", () => {
    const outcomes = new Map<string, Outcome>();
    const counter = new FinishedOutcomes(60_000);
    expect(counter.settle([task("a"), task("b", "ABORTED")], (id) => outcomes.get(id) ?? null, 1_000)).toEqual([{ taskType: "Procedure", outcome: "failed" }]);
    expect(counter.pending).toBe(1);
    expect(counter.settle([], (id) => outcomes.get(id) ?? null, 2_000)).toEqual([]);
    outcomes.set("a", "success");
    expect(counter.settle([task("c")], (id) => outcomes.get(id) ?? null, 3_000)).toEqual([{ taskType: "Procedure", outcome: "success" }]);
    outcomes.set("c", "failed");
    expect(counter.settle([], (id) => outcomes.get(id) ?? null, 4_000)).toEqual([{ taskType: "Procedure", outcome: "failed" }]);
    // Each task once: settled tasks are not counted again.
    expect(counter.settle([], (id) => outcomes.get(id) ?? null, 5_000)).toEqual([]);
    expect(counter.pending).toBe(0);
  });

  it("counts a finished task as unknown when no lookup comes in time, so the total still follows every ended task", () => {
    const counter = new FinishedOutcomes(60_000);
    expect(counter.settle([task("a", "FINISH", 0)], () => null, 59_999)).toEqual([]);
    expect(counter.settle([], () => null, 60_000)).toEqual([{ taskType: "Procedure", outcome: "unknown" }]);
    expect(counter.pending).toBe(0);
  });
});
