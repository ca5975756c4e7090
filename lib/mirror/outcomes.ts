import type { TaskDetail } from "@/lib/model/task";
import { isoSeconds } from "@/lib/model/iso-time";
import type { Pacer } from "./pacer";
import { SUCCESS, UNKNOWN, type OutcomeColumns } from "./outcome-columns";
import { ABORTED, FINISH } from "./status-code";
import type { TaskColumns } from "./task-columns";

export interface TaskOutcome {
  taskId: string;
  taskType: string;
  fileId: string;
  finishTime: string;
  outcome: "success" | "failed";
  errorCode: string | null;
  message: string;
}

export interface RecentOutcomes {
  /** Start of the period, ISO 8601 UTC: tasks that ended since then are counted. */
  since: string;
  /** Tasks that ended (FINISH or ABORTED) in the period. */
  ended: number;
  /** ...of which the outcome is known so far; the rest are still to be looked up. */
  known: number;
  success: number;
  failed: number;
  /** Failed and aborted tasks with a known outcome, newest first. */
  failures: TaskOutcome[];
  /** The cap on DescribeTaskDetail lookups, so their cost stays a small share of the budget. */
  lookupsPerSecond: number;
}

export interface OutcomeTrackerDeps {
  table: TaskColumns;
  outcomes: OutcomeColumns;
  pacer: Pacer;
  now: () => number;
  periodMs: number;
}

/**
 * Outcomes of recently ended tasks, for the on-call view. FINISH does not say success, only
 * DescribeTaskDetail does; the mirror's outcome worker (outcome-worker.ts) looks each finished task
 * up once, in the background, and this reads what it learnt. Aborted tasks are failures without a
 * lookup.
 */
export class OutcomeTracker {
  constructor(private readonly deps: OutcomeTrackerDeps) {}

  /** Keeps an outcome learnt elsewhere (a reconciliation lookup), saving a call. */
  remember(detail: Pick<TaskDetail, "taskId" | "outcome" | "errorCode" | "message">): void {
    this.deps.outcomes.set(detail.taskId, detail.outcome, detail.errorCode, detail.message);
  }

  summary(): RecentOutcomes {
    const { table, outcomes } = this.deps;
    const since = this.deps.now() - this.deps.periodMs;
    const result: RecentOutcomes = { since: isoSeconds(since), ended: 0, known: 0, success: 0, failed: 0, failures: [], lookupsPerSecond: this.deps.pacer.perSecond };
    const failedSlots: number[] = [];
    for (let slot = 0; slot < table.end; slot++) {
      const code = table.status[slot];
      if ((code !== FINISH && code !== ABORTED) || !(table.finish[slot] >= since)) continue;
      result.ended++;
      const known = outcomes.of(slot);
      if (known === UNKNOWN) continue;
      result.known++;
      if (known === SUCCESS) result.success++;
      else {
        result.failed++;
        failedSlots.push(slot);
      }
    }
    failedSlots.sort((a, b) => table.finish[b] - table.finish[a]);
    result.failures = failedSlots.map((slot) => this.describe(slot));
    return result;
  }

  private describe(slot: number): TaskOutcome {
    const { table, outcomes } = this.deps;
    return {
      taskId: table.ids[slot],
      taskType: table.types.get(table.type[slot]),
      fileId: table.files.get(table.file[slot]),
      finishTime: isoSeconds(table.finish[slot]),
      outcome: "failed",
      errorCode: outcomes.errorCode(slot),
      message: outcomes.message(slot),
    };
  }
}
