import { logEvent } from "@/lib/log";
import { appKey, mergeRows, type TaskRow } from "./task-row";
import type { MarksToWrite, TaskStore } from "./task-store";

export interface StoreWriterOptions {
  /** How long readings wait to be written together; a full batch goes at once. */
  flushMs?: number;
  /** Readings that make a batch worth writing at once. */
  batchRows?: number;
  /** After a failed write, how long until the next attempt. */
  retryMs?: number;
  /** While the database is away, at most this many readings wait; the oldest are dropped past it. */
  maxPending?: number;
  /** Past this many waiting readings, readers are held until a flush brings it down (backpressure). */
  highWater?: number;
}

/** Active tasks whose last written reading is remembered, at most (the oldest are forgotten past it). */
const MAX_REMEMBERED = 50_000;

const isActive = (status: string) => status === "WAITING" || status === "PROCESSING";

/** Everything a reading would write, as one string: equal strings, equal rows. */
function fingerprint(row: TaskRow): string {
  return `${row.status}\0${row.beginTime}\0${row.finishTime}\0${row.fileId}\0${row.taskType}\0${row.createTime}\0${row.subAppId}\0${row.sessionId}\0${row.sessionContext}\0${row.outcome}\0${row.errorCode}\0${row.message}`;
}

/**
 * The write-behind queue between what the process reads and the store. Readings of a task merge
 * while they wait, and each flush is one transaction, so a fill's ten thousand pages cost a few
 * hundred commits rather than a million. Flushes run one at a time; sync marks ride in the same
 * transaction as the readings queued before them. A failed write keeps the readings for the next
 * attempt and says so in `ok`, never in an exception to the reader.
 */
export class StoreWriter {
  ok = true;
  lastError: unknown;
  /** When the writes began to fail (epoch ms); undefined while they succeed. */
  failingSince: number | undefined;
  written = 0;
  dropped = 0;
  /** Readings skipped because the store already holds exactly them. */
  unchanged = 0;
  private pending = new Map<string, TaskRow>();
  /**
   * The last reading committed of each WAITING or PROCESSING task: every sync reads the WAITING
   * set (and often PROCESSING) again, mostly unchanged, and an unchanged reading is not written
   * again. Finished tasks are forgotten (a reading of one is rarely repeated), so this holds the
   * active tasks only.
   */
  private readonly committedActive = new Map<string, string>();
  private marks = new Map<number, MarksToWrite>();
  private timer?: ReturnType<typeof setTimeout>;
  private flushing?: Promise<void>;
  private waiters: (() => void)[] = [];
  private readonly options: Required<StoreWriterOptions>;

  constructor(private readonly store: TaskStore, options: StoreWriterOptions = {}) {
    this.options = { flushMs: 250, batchRows: 20_000, retryMs: 5_000, maxPending: 100_000, highWater: 60_000, ...options };
  }

  get pendingCount(): number {
    return this.pending.size;
  }

  /**
   * Queues readings. When the store falls behind (a fill outrunning a slow database), the answer is
   * a promise that resolves once it has caught up: the gateway holds the reader until then, so a
   * fill slows to the store's pace instead of piling readings up in memory. A store that fails
   * holds nobody (its queue is capped instead).
   */
  tasks(rows: Iterable<TaskRow | null>): Promise<void> | undefined {
    for (const row of rows) {
      if (!row) continue;
      if (isActive(row.status) && !this.pending.has(row.taskId) && this.committedActive.get(row.taskId) === fingerprint(row)) {
        this.unchanged++;
        continue;
      }
      this.add(this.pending, row);
    }
    this.schedule(this.pending.size >= this.options.batchRows ? 0 : this.options.flushMs);
    if (!this.ok || this.pending.size < this.options.highWater) return undefined;
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  syncMarks(subAppId: number | undefined, marks: MarksToWrite): void {
    this.marks.set(appKey(subAppId), marks);
    this.schedule(this.options.flushMs);
  }

  /** Writes everything queued so far; resolves once it is committed (or the attempt failed). */
  async drain(): Promise<void> {
    while (this.flushing || this.pending.size > 0 || this.marks.size > 0) {
      await (this.flushing ?? this.flush());
      if (!this.ok) return;
    }
  }

  /** Stops the timer; what is still queued stays queued (drain first to keep it). */
  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private add(into: Map<string, TaskRow>, row: TaskRow): void {
    const known = into.get(row.taskId);
    into.set(row.taskId, known ? mergeRows(known, row) : row);
  }

  private schedule(delayMs: number): void {
    if (this.flushing) return;
    if (this.timer && delayMs > 0) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delayMs);
    this.timer.unref?.();
  }

  private flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.flushing ??= this.writeBatch().finally(() => {
      this.flushing = undefined;
      if (!this.ok || this.pending.size < this.options.highWater) for (const resolve of this.waiters.splice(0)) resolve();
      if (this.pending.size > 0 || this.marks.size > 0) this.schedule(this.ok ? (this.pending.size >= this.options.batchRows ? 0 : this.options.flushMs) : this.options.retryMs);
    });
    return this.flushing;
  }

  private async writeBatch(): Promise<void> {
    const rows = this.pending;
    const marks = this.marks;
    this.pending = new Map();
    this.marks = new Map();
    if (rows.size === 0 && marks.size === 0) return;
    try {
      await this.store.write([...rows.values()], marks);
      this.written += rows.size;
      this.remember(rows.values());
      if (!this.ok) logEvent("info", "task store writable again", { engine: this.store.kind });
      this.ok = true;
      this.lastError = undefined;
      this.failingSince = undefined;
    } catch (error) {
      if (this.ok) logEvent("error", "task store write failed; readings kept for the next attempt", { engine: this.store.kind, error: error instanceof Error ? error.message : String(error) });
      if (this.ok) this.failingSince = Date.now();
      this.ok = false;
      this.lastError = error;
      this.requeue(rows, marks);
    }
  }

  /** Notes what was committed of active tasks, so the same reading is not written again. */
  private remember(rows: Iterable<TaskRow>): void {
    const known = this.committedActive;
    for (const row of rows) {
      if (!isActive(row.status)) {
        if (known.size > 0) known.delete(row.taskId);
        continue;
      }
      // Re-inserted, so the Map's order is oldest reading first.
      known.delete(row.taskId);
      known.set(row.taskId, fingerprint(row));
    }
    for (const taskId of known.keys()) {
      if (known.size <= MAX_REMEMBERED) break;
      known.delete(taskId);
    }
  }

  /** Puts failed readings back under any newer ones, and marks unless newer marks came since. */
  private requeue(rows: Map<string, TaskRow>, marks: Map<number, MarksToWrite>): void {
    const newer = this.pending;
    this.pending = rows;
    for (const row of newer.values()) this.add(this.pending, row);
    for (const [app, mark] of marks) if (!this.marks.has(app)) this.marks.set(app, mark);
    const excess = this.pending.size - this.options.maxPending;
    if (excess > 0) {
      let dropped = 0;
      for (const taskId of this.pending.keys()) {
        if (dropped++ >= excess) break;
        this.pending.delete(taskId);
      }
      this.dropped += excess;
    }
  }
}
