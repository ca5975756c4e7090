// The emulator's details read back as what they mean: the normaliser, over the wire's JSON, finds
// the outcome each task was generated with, its file ID, and steps that agree with its status.
import { describe, expect, it } from "vitest";
import type { TaskDetail } from "@/lib/model/task";
import { normalizeTaskDetail } from "../vod/normalize-detail";
import { describeTaskDetailShape } from "../vod/response-shapes";
import { describeTaskDetail } from "./describe-task-detail";
import { ST_ABORTED, ST_FINISH, ST_PROCESSING, ST_WAITING } from "./partition";
import { TaskStore } from "./store";
import { TASK_TYPES } from "./task-types";
import { taskSimpleInfo } from "./task-view";
import { OUTCOME_FAIL } from "./workload";

const T0 = Date.UTC(2026, 10, 28, 9, 30, 0);
const store = new TaskStore({ seed: 3, tasksPerHour: 300, subApps: [1500000001], now: () => T0 });
const part = store.partitions[0];

function detailOf(i: number): TaskDetail {
  const wire = JSON.parse(JSON.stringify(describeTaskDetail(store, { TaskId: store.taskId(part, i) }, T0)));
  return normalizeTaskDetail(store.taskId(part, i), describeTaskDetailShape.parse({ ...wire, RequestId: "r" }));
}

const statuses = (detail: TaskDetail) => detail.subTasks.map((step) => step.status).join(" ");

/** What the steps of a task with steps may say, by its status: they run one after another. */
const STEPS_BY_STATUS: Record<number, RegExp> = {
  [ST_WAITING]: /^(WAITING ?)*$/,
  [ST_PROCESSING]: /^((SUCCESS )*PROCESSING( WAITING)*)?$/,
  [ST_ABORTED]: /^(SUCCESS ?)*(FAIL ?)*$/,
};

describe("the emulator's details", () => {
  const seen = new Map<string, Record<string, number>>();
  const failedKinds = new Set<string>();
  for (let i = 0; i < part.count; i++) {
    const type = TASK_TYPES[part.type[i]].name;
    const counts = seen.get(type) ?? {};
    seen.set(type, counts);
    const state = part.status[i] === ST_FINISH ? (part.outcome[i] === OUTCOME_FAIL ? "failed" : "success") : String(part.status[i]);
    counts[state] = (counts[state] ?? 0) + 1;
  }

  it.each(TASK_TYPES.map((t) => t.name))("read back as generated for %s", (type) => {
    expect(seen.get(type)).toMatchObject({ failed: expect.any(Number), success: expect.any(Number) });
    for (let i = 0; i < part.count; i++) {
      if (TASK_TYPES[part.type[i]].name !== type) continue;
      const detail = detailOf(i);
      const status = part.status[i];
      const where = `${detail.taskId} ${detail.status}: ${statuses(detail)}`;
      expect(detail.fileId, where).toBe(taskSimpleInfo(store, part, i).FileId);
      if (status === ST_FINISH && part.outcome[i] === OUTCOME_FAIL) {
        expect(detail.outcome, where).toBe("failed");
        expect(detail.errorCode, where).toMatch(/^\w+$/);
        expect(detail.message, where).not.toBe("");
        expect(detail.subTasks.filter((step) => step.status !== "SUCCESS").map((step) => step.status), where).toEqual(detail.subTasks.length ? ["FAIL"] : []);
        detail.subTasks.filter((step) => step.status === "FAIL").forEach((step) => failedKinds.add(`${type} ${step.kind}`));
      } else if (status === ST_FINISH) {
        expect(detail, where).toMatchObject({ outcome: "success", errorCode: null, progress: 100 });
        expect(detail.subTasks.every((step) => step.status === "SUCCESS"), where).toBe(true);
      } else {
        expect(detail.outcome, where).toBe(status === ST_ABORTED ? "failed" : null);
        expect(statuses(detail), where).toMatch(STEPS_BY_STATUS[status]);
      }
    }
  });

  it("fails Procedures in each kind of step, and ReduceMediaBitrate in its only one", () => {
    expect(seen.get("Procedure")).toMatchObject({ [ST_WAITING]: expect.any(Number), [ST_PROCESSING]: expect.any(Number), [ST_ABORTED]: expect.any(Number) });
    expect([...failedKinds].sort()).toEqual([
      "Procedure AiAnalysis", "Procedure AiContentReview", "Procedure AiRecognition", "Procedure MediaProcess", "ReduceMediaBitrate MediaProcess",
    ]);
  });
});
