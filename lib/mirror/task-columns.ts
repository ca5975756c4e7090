import { upstreamTimeMs } from "@/lib/vod/normalize-task";
import type { UpstreamTask } from "@/lib/vod/response-shapes";
import { FREE, STATUS_RANK, statusCode } from "./status-code";
import { StringPool } from "./string-pool";

/** Epoch ms of an upstream time; NaN for "not yet" (zero time, empty) or anything unreadable. */
export function upstreamMs(text: string): number {
  // Parsed once (it was parsed, printed as ISO and parsed again: three times a task on a fill).
  return upstreamTimeMs(text) ?? NaN;
}

/**
 * The mirror's tasks, stored by column: a million tasks as a million objects would cost several
 * hundred megabytes, as typed arrays and interned strings they cost a fraction of that. A task
 * lives in a slot; freed slots are reused, so readers walk slots [0, end) and skip FREE ones.
 */
export class TaskColumns {
  ids: string[] = [];
  create: Float64Array;
  begin: Float64Array;
  finish: Float64Array;
  status: Uint8Array;
  type: Uint32Array;
  file: Uint32Array;
  readonly types = new StringPool();
  readonly files = new StringPool();
  /** Every slot in use is below this. */
  end = 0;
  count = 0;
  private readonly index = new Map<string, number>();
  private readonly freeSlots: number[] = [];

  constructor(capacity = 1024) {
    this.create = new Float64Array(capacity);
    this.begin = new Float64Array(capacity);
    this.finish = new Float64Array(capacity);
    this.status = new Uint8Array(capacity);
    this.type = new Uint32Array(capacity);
    this.file = new Uint32Array(capacity);
  }

  slotOf(taskId: string): number {
    return this.index.get(taskId) ?? -1;
  }

  /**
   * Adds a task or updates it with a newer reading. A reading of an earlier lifecycle stage than
   * the stored one is older news and is ignored; a task without a CreateTime cannot be placed in
   * the window and is skipped (-1).
   */
  upsert(task: UpstreamTask): number {
    return this.place(task.TaskId, task.TaskType, task.FileId, statusCode(task.Status), upstreamMs(task.CreateTime),
      upstreamMs(task.BeginProcessTime), upstreamMs(task.FinishTime));
  }

  /** upsert() for a reading already in numbers (the store's): times as epoch ms, NaN for "not yet". */
  place(taskId: string, taskType: string, fileId: string, code: number, createMs: number, beginMs: number, finishMs: number): number {
    const existing = this.index.get(taskId);
    if (existing !== undefined) {
      this.advance(existing, code, beginMs, finishMs);
      return existing;
    }
    if (Number.isNaN(createMs)) return -1;
    const slot = this.allocate();
    this.ids[slot] = taskId;
    this.index.set(taskId, slot);
    this.create[slot] = createMs;
    this.type[slot] = this.types.acquire(taskType);
    this.file[slot] = this.files.acquire(fileId);
    this.status[slot] = code;
    this.begin[slot] = beginMs;
    this.finish[slot] = finishMs;
    return slot;
  }

  /** Moves a task forward; times only ever fill in, a known time is never erased. */
  advance(slot: number, code: number, beginMs: number, finishMs: number): void {
    if (STATUS_RANK[code] < STATUS_RANK[this.status[slot]]) return;
    this.status[slot] = code;
    if (!Number.isNaN(beginMs)) this.begin[slot] = beginMs;
    if (!Number.isNaN(finishMs)) this.finish[slot] = finishMs;
  }

  remove(slot: number): void {
    if (this.status[slot] === FREE) return;
    this.index.delete(this.ids[slot]);
    this.ids[slot] = "";
    this.types.release(this.type[slot]);
    this.files.release(this.file[slot]);
    this.status[slot] = FREE;
    this.freeSlots.push(slot);
    this.count--;
  }

  /** Drops tasks created before `ms`, as upstream's 72-hour window does; returns how many. */
  evictCreatedBefore(ms: number): number {
    let evicted = 0;
    for (let slot = 0; slot < this.end; slot++) {
      if (this.status[slot] !== FREE && this.create[slot] < ms) {
        this.remove(slot);
        evicted++;
      }
    }
    // Trailing free slots shrink the range readers walk; the free list forgets them.
    while (this.end > 0 && this.status[this.end - 1] === FREE) this.end--;
    let kept = 0;
    for (const slot of this.freeSlots) if (slot < this.end) this.freeSlots[kept++] = slot;
    this.freeSlots.length = kept;
    return evicted;
  }

  private allocate(): number {
    this.count++;
    const reused = this.freeSlots.pop();
    if (reused !== undefined) return reused;
    if (this.end === this.status.length) this.grow();
    return this.end++;
  }

  private grow(): void {
    const capacity = this.status.length * 2;
    const widen = <T extends Float64Array | Uint32Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.create = widen(this.create, new Float64Array(capacity));
    this.begin = widen(this.begin, new Float64Array(capacity));
    this.finish = widen(this.finish, new Float64Array(capacity));
    this.status = widen(this.status, new Uint8Array(capacity));
    this.type = widen(this.type, new Uint32Array(capacity));
    this.file = widen(this.file, new Uint32Array(capacity));
  }
}
