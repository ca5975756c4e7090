import type { StoredOutcome } from "@/lib/store/known-outcomes";
import { runAs, SYSTEM } from "@/lib/vod/caller";
import type { Gateway } from "@/lib/vod/gateway";
import { idleLookUp } from "./idle-lookup";
import { UNKNOWN, type OutcomeColumns } from "./outcome-columns";
import type { Pacer } from "./pacer";
import { sleep } from "./sleep";
import { FINISH } from "./status-code";
import type { TaskColumns } from "./task-columns";
import { lookUpTask } from "./task-detail-lookup";

/** A task whose lookup failed this often while others succeeded is left alone until a restart. */
const MAX_FAILURES = 3;

export interface OutcomeWorkerDeps {
  table: TaskColumns;
  outcomes: OutcomeColumns;
  gateway: () => Gateway;
  subAppId: number | undefined;
  /** The lookups' pace, shared by every mirror of the process (VOD_OUTCOME_LOOKUPS_PER_HOUR). */
  pacer: Pacer;
  /** Lookups in flight at once; the pacer spaces their starts. */
  workers: number;
  /**
   * Lookups in flight at once beyond the pacer (idle-lookup.ts): they take only budget nobody
   * else wants, so on a quiet dashboard the backlog drains at close to VOD_MAX_RPS while the
   * pacer's share stays the floor under viewer load. 0: the pacer's share alone.
   */
  idleWorkers?: number;
  /** Tasks chosen per round: a newly finished task waits at most about one round (batch / pace). */
  batch: number;
  /** Outcomes the task store already holds, asked before upstream; absent without a store. */
  stored?: (subAppId: number | undefined, taskIds: readonly string[]) => Promise<StoredOutcome[]>;
  /** An outcome was learnt (the mirror's cached answers are stale). */
  onLearnt: () => void;
}

/** The `count` largest keys' slots, largest first: a bounded min-heap, so a million-task pass stays cheap. */
function newest(count: number) {
  const keys: number[] = [];
  const slots: number[] = [];
  const swap = (a: number, b: number) => {
    [keys[a], keys[b]] = [keys[b], keys[a]];
    [slots[a], slots[b]] = [slots[b], slots[a]];
  };
  const down = (from: number) => {
    for (let i = from; ;) {
      const l = 2 * i + 1, r = l + 1;
      let min = i;
      if (l < keys.length && keys[l] < keys[min]) min = l;
      if (r < keys.length && keys[r] < keys[min]) min = r;
      if (min === i) return;
      swap(i, min);
      i = min;
    }
  };
  return {
    offer(key: number, slot: number) {
      if (keys.length < count) {
        keys.push(key);
        slots.push(slot);
        for (let i = keys.length - 1; i > 0 && keys[(i - 1) >> 1] > keys[i]; i = (i - 1) >> 1) swap(i, (i - 1) >> 1);
      } else if (count > 0 && key > keys[0]) {
        keys[0] = key;
        slots[0] = slot;
        down(0);
      }
    },
    result(): number[] {
      return slots.map((slot, i) => ({ slot, key: keys[i] })).sort((a, b) => b.key - a.key).map((entry) => entry.slot);
    },
  };
}

/**
 * Looks up the outcome of every finished task of one mirror's window, once: DescribeTaskDetail,
 * newest finish first, at the configured pace as the system (on its reserved share of the
 * budget, never the viewers': the floor), and beyond it with whatever budget is idle (idle
 * lanes, which yield to any viewer or system request). Answers go through the gateway, which writes them to the task
 * store; ABORTED needs no call (it is failed). It runs in the background whether or not anyone
 * watches, keeping the mirror synced on its own so that new finishes are seen.
 */
export class OutcomeWorker {
  /** DescribeTaskDetail calls made so far (each task at most once unless the call failed). */
  lookups = 0;
  /** Outcomes taken from the store instead of upstream. */
  fromStore = 0;
  private readonly inFlight = new Set<string>();
  private readonly failures = new Map<string, number>();
  private running = false;

  constructor(private readonly deps: OutcomeWorkerDeps) {}

  /** Whether a slot still needs a lookup: FINISH, created since `since` (finished since `finishedSince`), outcome unknown. */
  private needs(slot: number, since: number, finishedSince = -Infinity): boolean {
    const { table, outcomes } = this.deps;
    return table.status[slot] === FINISH && table.create[slot] >= since && outcomes.of(slot) === UNKNOWN
      && (finishedSince === -Infinity || table.finish[slot] >= finishedSince)
      && (this.failures.get(table.ids[slot]) ?? 0) < MAX_FAILURES;
  }

  /** FINISH tasks created since `since` whose outcome is not known yet. */
  pending(since: number): number {
    let count = 0;
    for (let slot = 0; slot < this.deps.table.end; slot++) if (this.needs(slot, since)) count++;
    return count;
  }

  /** The next tasks to look up: newest finish first (a task without a FinishTime by its creation). */
  private choose(since: number, finishedSince: number): string[] {
    const { table } = this.deps;
    const heap = newest(this.deps.batch);
    for (let slot = 0; slot < table.end; slot++) {
      if (!this.needs(slot, since, finishedSince) || this.inFlight.has(table.ids[slot])) continue;
      const finish = table.finish[slot];
      heap.offer(Number.isNaN(finish) ? table.create[slot] : finish, slot);
    }
    return heap.result().map((slot) => table.ids[slot]);
  }

  /**
   * One round: up to `batch` tasks, newest first; returns how many were chosen. Throws when every
   * lookup of the round failed (upstream away): the caller backs off.
   */
  async round(since: number, finishedSince = -Infinity): Promise<number> {
    const { table, outcomes, subAppId } = this.deps;
    let ids = this.choose(since, finishedSince);
    const chosen = ids.length;
    if (chosen === 0) return 0;
    if (this.deps.stored) {
      try {
        for (const known of await this.deps.stored(subAppId, ids)) {
          if (outcomes.set(known.taskId, known.outcome, known.errorCode, known.message)) this.fromStore++;
        }
        ids = ids.filter((taskId) => {
          const slot = table.slotOf(taskId);
          return slot >= 0 && outcomes.of(slot) === UNKNOWN;
        });
      } catch {
        // The store is away: upstream answers, and the answers are queued for the store.
      }
    }
    let next = 0;
    let learnt = 0;
    let firstError: unknown;
    const failed: string[] = [];
    const work = async (idle: boolean) => {
      for (let i = next++; i < ids.length; i = next++) {
        const taskId = ids[i];
        this.inFlight.add(taskId);
        try {
          const found = idle ? await idleLookUp(this.deps.gateway(), subAppId, table, taskId)
            : await lookUpTask(this.deps.gateway(), this.deps.pacer, subAppId, table, taskId);
          // No idle budget in time (viewers busy): this lane stops for the round, the share's lanes go on.
          if (found === "busy") return;
          this.lookups++;
          if (found === "gone") continue;
          if (outcomes.set(taskId, found.outcome, found.errorCode, found.message)) learnt++;
          // Upstream says it has not ended after all (or gives no outcome): try again later, not forever.
          else if (!found.outcome) failed.push(taskId);
        } catch (error) {
          this.lookups++;
          firstError ??= error;
          failed.push(taskId);
        } finally {
          this.inFlight.delete(taskId);
        }
      }
    };
    await Promise.all([
      ...Array.from({ length: this.deps.workers }, () => work(false)),
      ...Array.from({ length: this.deps.idleWorkers ?? 0 }, () => work(true)),
    ]);
    if (learnt > 0) this.deps.onLearnt();
    if (firstError !== undefined && learnt === 0) throw firstError;
    // Others were answered, so these failures are the tasks' own: count them.
    for (const taskId of failed) this.failures.set(taskId, (this.failures.get(taskId) ?? 0) + 1);
    return chosen;
  }

  /** Rounds until nothing created since `since` (and finished since `finishedSince`) is pending (tests, scripts); returns the tasks chosen. */
  async lookUpAll(since: () => number, finishedSince = -Infinity): Promise<number> {
    let total = 0;
    for (let chosen = await this.round(since(), finishedSince); chosen > 0; chosen = await this.round(since(), finishedSince)) total += chosen;
    return total;
  }

  get isRunning(): boolean {
    return this.running;
  }

  /**
   * Runs in the background until stop(): `keepFresh` before each round (the mirror syncs when its
   * data is old), rounds while `ready()`, a pause when nothing is pending, a growing one while
   * upstream fails.
   */
  start(loop: { since: () => number; ready: () => boolean; keepFresh: () => void }): void {
    if (this.running) return;
    this.running = true;
    void runAs(SYSTEM, async () => {
      let backoffMs = 5_000;
      while (this.running) {
        loop.keepFresh();
        if (!loop.ready()) {
          await sleep(1_000);
          continue;
        }
        let chosen: number;
        try {
          chosen = await this.round(loop.since());
          backoffMs = 5_000;
        } catch {
          await sleep(backoffMs);
          backoffMs = Math.min(backoffMs * 2, 60_000);
          continue;
        }
        if (chosen === 0) await sleep(1_000);
      }
    });
  }

  stop(): void {
    this.running = false;
  }
}
