// The tasks of one SubAppId in columns of typed arrays (about 50 bytes a task), kept in CreateTime
// order, plus the few indexes queries need: the in-flight sets by status, the finished tasks in
// FinishTime order and the tasks of each file. Everything is updated in place as tasks change.
import { TASK_STATUSES } from "../model/status";
import type { HourBatch } from "./workload";
import { OUTCOME_ABORT } from "./workload";

export const ST_WAITING = 0;
export const ST_PROCESSING = 1;
export const ST_FINISH = 2;
export const ST_ABORTED = 3;
/** Status names by the emulator's status numbers (ST_WAITING = 0, ...), in the order of TASK_STATUSES. */
export const STATUS_NAMES = TASK_STATUSES;

export class Partition {
  count = 0;
  create: Uint32Array;
  begin: Uint32Array;
  finish: Uint32Array;
  run: Uint32Array;
  tie: Float64Array;
  type: Uint8Array;
  status: Uint8Array;
  outcome: Uint8Array;
  file: Uint32Array;
  session: Uint32Array;
  /** Indexes of WAITING and PROCESSING tasks, ascending (= CreateTime order). */
  waiting: number[] = [];
  processing: number[] = [];
  /** Indexes of finished (FINISH or ABORTED) tasks in (finish, tie) order. */
  finishOrder: Int32Array;
  finishCount = 0;
  files = new Map<number, number[]>();
  /** Error codes of tasks made to fail by the `taskFailureRate` fault, by index. */
  injectedFailures = new Map<number, string>();
  /** Longest create-to-finish span seen: bounds how far apart the two time filters can be. */
  maxLatency = 0;

  constructor(
    readonly subAppId: number,
    capacity: number,
  ) {
    const cap = Math.max(1024, capacity);
    this.create = new Uint32Array(cap);
    this.begin = new Uint32Array(cap);
    this.finish = new Uint32Array(cap);
    this.run = new Uint32Array(cap);
    this.tie = new Float64Array(cap);
    this.type = new Uint8Array(cap);
    this.status = new Uint8Array(cap);
    this.outcome = new Uint8Array(cap);
    this.file = new Uint32Array(cap);
    this.session = new Uint32Array(cap);
    this.finishOrder = new Int32Array(cap);
  }

  /** Appends task j of the batch (callers append in (create, tie) order) as WAITING; returns its index. */
  append(b: HourBatch, j: number): number {
    if (this.count === this.create.length) this.grow();
    const i = this.count++;
    this.create[i] = b.create[j];
    this.run[i] = b.run[j];
    this.tie[i] = b.tie[j];
    this.type[i] = b.type[j];
    this.outcome[i] = b.outcome[j];
    this.file[i] = b.file[j];
    this.session[i] = b.session[j];
    this.status[i] = ST_WAITING;
    this.waiting.push(i);
    const list = this.files.get(b.file[j]);
    if (list) list.push(i);
    else this.files.set(b.file[j], [i]);
    return i;
  }

  markBegin(i: number, sec: number): void {
    this.begin[i] = sec;
    this.status[i] = ST_PROCESSING;
    removeSorted(this.waiting, i);
    insertSorted(this.processing, i);
  }

  markFinish(i: number, sec: number): void {
    this.finish[i] = sec;
    this.status[i] = this.outcome[i] === OUTCOME_ABORT ? ST_ABORTED : ST_FINISH;
    removeSorted(this.processing, i);
    if (this.finishCount === this.finishOrder.length) this.finishOrder = growInt32(this.finishOrder);
    // Finishes arrive in time order; only same-second ties may need to step back a little.
    let p = this.finishCount++;
    while (p > 0 && this.finishBefore(i, this.finishOrder[p - 1])) {
      this.finishOrder[p] = this.finishOrder[p - 1];
      p--;
    }
    this.finishOrder[p] = i;
    this.maxLatency = Math.max(this.maxLatency, sec - this.create[i]);
  }

  /**
   * Bulk path for the pre-filled history, right after append(i): moves the newest task straight to
   * its state at start-up. finishOrder is filled unsorted here and sorted once by sortFinishOrder.
   */
  settlePrefilled(i: number, beginSec: number, finishSec: number): void {
    if (beginSec === 0) return;
    this.waiting.pop();
    this.begin[i] = beginSec;
    if (finishSec === 0) {
      this.status[i] = ST_PROCESSING;
      this.processing.push(i);
      return;
    }
    this.finish[i] = finishSec;
    this.status[i] = this.outcome[i] === OUTCOME_ABORT ? ST_ABORTED : ST_FINISH;
    if (this.finishCount === this.finishOrder.length) this.finishOrder = growInt32(this.finishOrder);
    this.finishOrder[this.finishCount++] = i;
    this.maxLatency = Math.max(this.maxLatency, finishSec - this.create[i]);
  }

  /** Counting sort by finish second, then tie order inside each second: linear for a million tasks. */
  sortFinishOrder(): void {
    const n = this.finishCount;
    if (n < 2) return;
    const order = this.finishOrder;
    let lo = Infinity;
    let hi = -Infinity;
    for (let p = 0; p < n; p++) {
      const f = this.finish[order[p]];
      if (f < lo) lo = f;
      if (f > hi) hi = f;
    }
    const counts = new Uint32Array(hi - lo + 2);
    for (let p = 0; p < n; p++) counts[this.finish[order[p]] - lo + 1]++;
    for (let s = 1; s < counts.length; s++) counts[s] += counts[s - 1];
    const sorted = new Int32Array(order.length);
    for (let p = 0; p < n; p++) sorted[counts[this.finish[order[p]] - lo]++] = order[p];
    for (let start = 0; start < n; ) {
      let end = start + 1;
      const f = this.finish[sorted[start]];
      while (end < n && this.finish[sorted[end]] === f) end++;
      if (end - start > 1) sortByTie(sorted, start, end, this.tie);
      start = end;
    }
    this.finishOrder = sorted;
  }

  private finishBefore(a: number, b: number): boolean {
    return this.finish[a] < this.finish[b] || (this.finish[a] === this.finish[b] && this.tie[a] < this.tie[b]);
  }

  private grow(): void {
    const cap = this.create.length * 2;
    this.create = growTo(this.create, new Uint32Array(cap));
    this.begin = growTo(this.begin, new Uint32Array(cap));
    this.finish = growTo(this.finish, new Uint32Array(cap));
    this.run = growTo(this.run, new Uint32Array(cap));
    this.tie = growTo(this.tie, new Float64Array(cap));
    this.type = growTo(this.type, new Uint8Array(cap));
    this.status = growTo(this.status, new Uint8Array(cap));
    this.outcome = growTo(this.outcome, new Uint8Array(cap));
    this.file = growTo(this.file, new Uint32Array(cap));
    this.session = growTo(this.session, new Uint32Array(cap));
  }
}

function growTo<T extends Uint8Array | Uint32Array | Float64Array>(src: T, dst: T): T {
  dst.set(src as never);
  return dst;
}

function growInt32(a: Int32Array): Int32Array {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

function sortByTie(a: Int32Array, start: number, end: number, tie: Float64Array): void {
  for (let p = start + 1; p < end; p++) {
    const v = a[p];
    let q = p;
    while (q > start && tie[a[q - 1]] > tie[v]) {
      a[q] = a[q - 1];
      q--;
    }
    a[q] = v;
  }
}

/** First position in an ascending array whose value is >= x. */
export function lowerBound(a: ArrayLike<number>, x: number, lo = 0, hi = a.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(a: number[], x: number): void {
  const p = lowerBound(a, x);
  if (p === a.length) a.push(x);
  else a.splice(p, 0, x);
}

function removeSorted(a: number[], x: number): void {
  const p = lowerBound(a, x);
  if (a[p] === x) {
    if (p === 0) a.shift();
    else a.splice(p, 1);
  }
}
