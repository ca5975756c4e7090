import type { TaskDetail } from "@/lib/model/task";
import { runAs, SYSTEM } from "@/lib/vod/caller";
import type { Gateway } from "@/lib/vod/gateway";
import { isoSeconds } from "@/lib/model/iso-time";
import type { Pacer } from "./pacer";
import { sleep } from "./sleep";
import { ABORTED, FINISH } from "./status-code";
import { lookUpTask } from "./task-detail-lookup";
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

interface Known {
  outcome: "success" | "failed";
  errorCode: string | null;
  message: string;
}

export interface OutcomeTrackerDeps {
  table: TaskColumns;
  gateway: () => Gateway;
  subAppId: number | undefined;
  pacer: Pacer;
  now: () => number;
  periodMs: number;
  /** Lookups stop when nobody asked for this long. */
  idleMs: number;
  workers: number;
}

/**
 * Outcomes of recently ended tasks. FINISH does not say success, only DescribeTaskDetail does;
 * an outcome never changes once a task has ended, so each task is looked up once and kept.
 * Aborted tasks are failures without a lookup. Lookups run only while someone is asking.
 */
export class OutcomeTracker {
  private readonly known = new Map<string, Known>();
  private askedAt = -Infinity;
  private pumping = false;

  constructor(private readonly deps: OutcomeTrackerDeps) {}

  /** Keeps an outcome learnt elsewhere (a reconciliation lookup), saving a call. */
  remember(detail: Pick<TaskDetail, "taskId" | "outcome" | "errorCode" | "message">): void {
    if (detail.outcome) this.known.set(detail.taskId, { outcome: detail.outcome, errorCode: detail.errorCode, message: detail.message });
  }

  summary(): RecentOutcomes {
    this.askedAt = this.deps.now();
    // Lookups are the system's work, on its reserved share, not the asking client's.
    void runAs(SYSTEM, () => this.pump());
    const { table } = this.deps;
    const since = this.deps.now() - this.deps.periodMs;
    const result: RecentOutcomes = { since: isoSeconds(since), ended: 0, known: 0, success: 0, failed: 0, failures: [], lookupsPerSecond: this.deps.pacer.perSecond };
    const failedSlots: number[] = [];
    for (let slot = 0; slot < table.end; slot++) {
      const code = table.status[slot];
      if ((code !== FINISH && code !== ABORTED) || !(table.finish[slot] >= since)) continue;
      result.ended++;
      const known = code === ABORTED ? { outcome: "failed" } : this.known.get(table.ids[slot]);
      if (!known) continue;
      result.known++;
      if (known.outcome === "success") result.success++;
      else {
        result.failed++;
        failedSlots.push(slot);
      }
    }
    failedSlots.sort((a, b) => table.finish[b] - table.finish[a]);
    result.failures = failedSlots.map((slot) => this.describe(slot));
    return result;
  }

  /** One round: looks up every ended task of the period whose outcome is unknown, newest first. */
  async lookUpPending(): Promise<number> {
    const { table } = this.deps;
    const since = this.deps.now() - this.deps.periodMs;
    this.forgetBefore(since);
    const todo: number[] = [];
    for (let slot = 0; slot < table.end; slot++) {
      if (table.status[slot] === FINISH && table.finish[slot] >= since && !this.known.has(table.ids[slot])) todo.push(slot);
    }
    todo.sort((a, b) => table.finish[b] - table.finish[a]);
    const ids = todo.map((slot) => table.ids[slot]);
    let next = 0;
    const work = async () => {
      for (let i = next++; i < ids.length; i = next++) {
        const found = await lookUpTask(this.deps.gateway(), this.deps.pacer, this.deps.subAppId, table, ids[i]);
        if (found !== "gone") this.remember(found);
      }
    };
    await Promise.all(Array.from({ length: this.deps.workers }, work));
    return ids.length;
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.deps.now() - this.askedAt < this.deps.idleMs) {
        const looked = await this.lookUpPending().catch(() => -1);
        // Nothing new, or upstream failing: wait instead of spinning.
        if (looked <= 0) await sleep(looked < 0 ? 5_000 : 1_000);
      }
    } finally {
      this.pumping = false;
    }
  }

  private forgetBefore(since: number): void {
    const { table } = this.deps;
    for (const taskId of this.known.keys()) {
      const slot = table.slotOf(taskId);
      if (slot < 0 || !(table.finish[slot] >= since)) this.known.delete(taskId);
    }
  }

  private describe(slot: number): TaskOutcome {
    const { table } = this.deps;
    const known = this.known.get(table.ids[slot]);
    return {
      taskId: table.ids[slot],
      taskType: table.types.get(table.type[slot]),
      fileId: table.files.get(table.file[slot]),
      finishTime: isoSeconds(table.finish[slot]),
      outcome: "failed",
      errorCode: known?.errorCode ?? (table.status[slot] === ABORTED ? "ABORTED" : null),
      message: known?.message ?? (table.status[slot] === ABORTED ? "The task was aborted." : ""),
    };
  }
}
