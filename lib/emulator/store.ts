// The account: one Partition per SubAppId, fed by the hour-by-hour arrival stream, moved forward
// lazily. Nothing runs on a timer: before each request the store replays, in time order, every
// arrival, start and finish that the wall clock has passed since the last request.
import { WINDOW_MS } from "../vod/wire";
import { EventHeap } from "./event-heap";
import { decodeTaskId, formatTaskId, scrambledOf } from "./ids";
import { Partition } from "./partition";
import { generateHour, type HourBatch, OUTCOME_FAIL, OUTCOME_SUCCESS, type WorkloadParams } from "./workload";

export interface StoreOptions {
  seed: number;
  tasksPerHour: number;
  subApps: number[];
  /** Wall clock in epoch milliseconds. */
  now: () => number;
}

const BEGIN = 0;
const FINISH = 1;
/** Room in an event payload for the partition number and the event kind. */
const PAYLOAD_SLOTS = 64;
export const MAX_SUBAPPS = PAYLOAD_SLOTS / 2;

export function windowStartSec(nowMs: number): number {
  return Math.ceil((nowMs - WINDOW_MS) / 1000);
}

export class TaskStore {
  readonly seed: number;
  readonly tasksPerHour: number;
  readonly partitions: Partition[];
  readonly now: () => number;
  /** Seconds up to which the store has been advanced. */
  clockSec: number;
  private readonly params: WorkloadParams;
  private readonly hourMaps = new Map<number, Int32Array>();
  private readonly heap = new EventHeap();
  private pending: HourBatch | null = null;
  private cursor = 0;
  private nextHour: number;
  // Stalls freeze a "processing clock": events are scheduled on it, and it lags the wall clock by
  // the total time spent stalled, so every start and finish after a stall comes that much later.
  private stalled = false;
  private stallStartSec = 0;
  private stalledTotal = 0;
  // The taskFailureRate fault: tasks finishing while it is set fail at this rate, with this code.
  private failureInjection: { rate: number; code: string } | null = null;

  constructor(options: StoreOptions) {
    if (options.subApps.length === 0 || options.subApps.length > MAX_SUBAPPS) {
      throw new Error(`between 1 and ${MAX_SUBAPPS} SubAppIds are supported`);
    }
    this.seed = options.seed;
    this.tasksPerHour = options.tasksPerHour;
    this.now = options.now;
    this.params = { seed: options.seed, tasksPerHour: options.tasksPerHour, partitions: options.subApps.length };
    const expected = Math.ceil(options.tasksPerHour * 74);
    this.partitions = options.subApps.map(
      (id, p) => new Partition(id, Math.ceil(expected * (options.subApps.length === 1 ? 1 : p === 0 ? 0.75 : 0.35))),
    );
    const nowMs = this.now();
    this.clockSec = Math.floor(nowMs / 1000);
    this.nextHour = this.prefill(windowStartSec(nowMs), this.clockSec);
  }

  get isStalled(): boolean {
    return this.stalled;
  }

  /** Tasks created in the last 72 hours, across partitions (what the account can list). */
  get taskCount(): number {
    return this.partitions.reduce((n, p) => n + p.count, 0);
  }

  /** Replays everything that happened up to nowMs. Time never runs backwards here. */
  advance(nowMs: number = this.now()): void {
    const nowSec = Math.floor(nowMs / 1000);
    if (nowSec <= this.clockSec) return;
    for (;;) {
      const arrival = this.nextArrivalSec(nowSec);
      const event = this.stalled ? Infinity : this.heap.peekTime() + this.stalledTotal;
      if (arrival <= nowSec && arrival <= event) this.releaseNext();
      else if (event <= nowSec) this.applyEvent(event);
      else break;
    }
    this.clockSec = nowSec;
  }

  setStalled(on: boolean, nowMs: number = this.now()): void {
    this.advance(nowMs);
    if (on && !this.stalled) {
      this.stalled = true;
      this.stallStartSec = this.clockSec;
    } else if (!on && this.stalled) {
      this.stalled = false;
      this.stalledTotal += this.clockSec - this.stallStartSec;
    }
  }

  /** Tasks that finish from now on fail at `rate` with `code` (a task that already ended keeps its outcome). */
  injectFailures(rate: number, code: string, nowMs: number = this.now()): void {
    this.advance(nowMs);
    this.failureInjection = rate > 0 ? { rate, code } : null;
  }

  partitionIndex(subAppId: number): number {
    return this.partitions.findIndex((p) => p.subAppId === subAppId);
  }

  taskId(part: Partition, i: number): string {
    return formatTaskId(this.seed, part.subAppId, part.type[i], scrambledOf(part.tie[i]));
  }

  /** Index of the task in the partition, or -1; IDs are decoded, then checked in full. */
  findTask(part: Partition, taskId: string): number {
    const parsed = decodeTaskId(taskId, this.seed);
    if (!parsed || parsed.subAppId !== part.subAppId) return -1;
    const i = this.hourMaps.get(parsed.hour)?.[parsed.k] ?? -1;
    if (i < 0 || i >= part.count || this.taskId(part, i) !== taskId) return -1;
    return i;
  }

  private prefill(fromSec: number, toSec: number): number {
    const lastHour = Math.floor(toSec / 3600);
    for (let h = Math.floor(fromSec / 3600); h <= lastHour; h++) {
      const b = this.loadHour(h);
      for (let j = 0; j < b.n; j++) {
        const c = b.create[j];
        if (c < fromSec) continue;
        if (c > toSec) {
          this.pending = b;
          this.cursor = j;
          break;
        }
        const p = b.part[j];
        const part = this.partitions[p];
        const i = part.append(b, j);
        this.hourMaps.get(h)![b.k[j]] = i;
        const begin = c + b.wait[j];
        const finish = begin + b.run[j];
        if (finish <= toSec) part.settlePrefilled(i, begin, finish);
        else if (begin <= toSec) {
          part.settlePrefilled(i, begin, 0);
          this.heap.push(finish, payload(i, p, FINISH));
        } else this.heap.push(begin, payload(i, p, BEGIN));
      }
    }
    for (const part of this.partitions) part.sortFinishOrder();
    return lastHour + 1;
  }

  private loadHour(h: number): HourBatch {
    const b = generateHour(this.params, h);
    this.hourMaps.set(h, new Int32Array(b.n).fill(-1));
    return b;
  }

  private nextArrivalSec(nowSec: number): number {
    while (!this.pending) {
      if (this.nextHour * 3600 > nowSec) return Infinity;
      const b = this.loadHour(this.nextHour++);
      if (b.n > 0) {
        this.pending = b;
        this.cursor = 0;
      }
    }
    return this.pending.create[this.cursor];
  }

  private releaseNext(): void {
    const b = this.pending!;
    const j = this.cursor++;
    if (this.cursor === b.n) this.pending = null;
    const p = b.part[j];
    const i = this.partitions[p].append(b, j);
    this.hourMaps.get(b.hour)![b.k[j]] = i;
    const processingNow = this.stalled ? this.stallStartSec - this.stalledTotal : b.create[j] - this.stalledTotal;
    this.heap.push(processingNow + b.wait[j], payload(i, p, BEGIN));
  }

  private applyEvent(wallSec: number): void {
    const at = this.heap.peekTime();
    const code = this.heap.pop();
    const kind = code % 2;
    const p = Math.floor(code / 2) % (PAYLOAD_SLOTS / 2);
    const i = Math.floor(code / PAYLOAD_SLOTS);
    const part = this.partitions[p];
    if (kind === BEGIN) {
      part.markBegin(i, wallSec);
      this.heap.push(at + part.run[i], payload(i, p, FINISH));
    } else {
      const injection = this.failureInjection;
      if (injection && part.outcome[i] === OUTCOME_SUCCESS && Math.random() < injection.rate) {
        part.outcome[i] = OUTCOME_FAIL;
        part.injectedFailures.set(i, injection.code);
      }
      part.markFinish(i, wallSec);
    }
  }
}

function payload(i: number, p: number, kind: number): number {
  return i * PAYLOAD_SLOTS + p * 2 + kind;
}
