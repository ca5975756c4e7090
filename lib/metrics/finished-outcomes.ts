import type { Outcome } from "@/lib/model/task";

/** An ended task as /metrics counts it. */
export interface EndedTaskRef {
  taskId: string;
  taskType: string;
  status: "FINISH" | "ABORTED";
  finishMs: number;
}

/** success or failed as DescribeTaskDetail said (ABORTED is failed); unknown when no lookup came in time. */
export type FinishedOutcome = "success" | "failed" | "unknown";

/** How long a FINISH task waits for its lookup before it is counted as unknown (the worker's p95 is well under a minute). */
export const OUTCOME_WAIT_MS = 10 * 60_000;

/**
 * Decides the `outcome` label of vod_tasks_finished_total. FINISH does not say success, so a
 * finished task is held until the outcome worker has looked it up, then counted once as success or
 * failed; one still unknown after OUTCOME_WAIT_MS (lookups off, or far behind) is counted as
 * unknown, so that the counter's total still follows every task that ended. An abort is failed at once.
 */
export class FinishedOutcomes {
  private readonly held = new Map<string, EndedTaskRef>();

  constructor(private readonly waitMs: number = OUTCOME_WAIT_MS) {}

  /** What can be counted now: the tasks that just ended and those held before, each exactly once. */
  settle(ended: readonly EndedTaskRef[], outcomeOf: (taskId: string) => Outcome, nowMs: number): { taskType: string; outcome: FinishedOutcome }[] {
    const counted: { taskType: string; outcome: FinishedOutcome }[] = [];
    for (const task of ended) {
      if (task.status === "ABORTED") counted.push({ taskType: task.taskType, outcome: "failed" });
      else this.held.set(task.taskId, task);
    }
    for (const [taskId, task] of this.held) {
      const outcome = outcomeOf(taskId);
      if (outcome === null && nowMs - task.finishMs < this.waitMs) continue;
      this.held.delete(taskId);
      counted.push({ taskType: task.taskType, outcome: outcome ?? "unknown" });
    }
    return counted;
  }

  /** Finished tasks still waiting for their outcome. */
  get pending(): number {
    return this.held.size;
  }
}
