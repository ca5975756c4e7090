// The DescribeTasks engine: answers a filtered, sorted page by walking an index already in the
// requested order from a binary-searched start, or, when a filter narrows things to a small set,
// by sorting just that set. No request looks at every task.
//
// Sort keys are (primary, tie) where tie orders tasks exactly as their TaskIds sort as strings.
// For FinishTime, a task that has not finished has no finish time; it sorts as if it finished at
// ZERO_TIME (primary 0), i.e. before every finished task in Asc and after all of them in Desc,
// the way upstream's "0001-01-01T00:00:00Z" placeholder would sort.
import { type Partition, ST_FINISH, ST_PROCESSING, ST_WAITING } from "./partition";

export type SortField = "CreateTime" | "FinishTime";

export interface SortKey {
  primary: number;
  tie: number;
}

export interface TaskQuery {
  /** ST_WAITING, ST_PROCESSING or ST_FINISH (which leaves ABORTED out, as upstream's filter does). */
  status?: number;
  /** File number decoded from FileId; null for a FileId that cannot exist (matches nothing). */
  fileNum?: number | null;
  /** CreateTime range in epoch seconds, [lo, hi); lo already includes the 72-hour window. */
  createLo: number;
  createHi: number;
  /** FinishTime range in epoch seconds, [lo, hi); absent means no FinishTime filter. */
  finish?: { lo: number; hi: number };
  field: SortField;
  desc: boolean;
  limit: number;
  /** Position to start at, inclusive. */
  from?: SortKey;
}

export interface QueryResult {
  rows: number[];
  /** Index of the first task of the next page, or -1 when there is no more data. */
  next: number;
}

/** Past this size, sorting a filter's candidate set costs more than walking the sort index. */
const COLLECT_MAX = 20_000;

export function sortKey(part: Partition, i: number, field: SortField): SortKey {
  const primary = field === "CreateTime" ? part.create[i] : part.status[i] >= ST_FINISH ? part.finish[i] : 0;
  return { primary, tie: part.tie[i] };
}

export function runQuery(part: Partition, q: TaskQuery): QueryResult {
  const need = q.limit + 1;
  const out: number[] = [];
  const matches = matcher(part, q);
  if (q.fileNum !== undefined) {
    collect(part, q, q.fileNum === null ? [] : (part.files.get(q.fileNum) ?? []), matches, need, out);
  } else if (q.status === ST_WAITING || q.status === ST_PROCESSING) {
    const set = q.status === ST_WAITING ? part.waiting : part.processing;
    // Unfinished tasks never match a FinishTime filter; all of them share FinishTime key 0.
    if (q.finish) return { rows: [], next: -1 };
    if (q.field === "CreateTime") walk(seqOf(set, part), part, q, q.createLo, q.createHi, matches, need, out);
    else collect(part, q, set, matches, need, out);
  } else if (q.field === "CreateTime") {
    createOrdered(part, q, matches, need, out);
  } else {
    finishOrdered(part, q, matches, need, out);
  }
  return { rows: out.slice(0, q.limit), next: out.length > q.limit ? out[q.limit] : -1 };
}

function createOrdered(part: Partition, q: TaskQuery, matches: (i: number) => boolean, need: number, out: number[]): void {
  let lo = q.createLo;
  let hi = q.createHi;
  if (q.finish) {
    // A task finishes after it is created and at most maxLatency later: that bounds its CreateTime.
    hi = Math.min(hi, q.finish.hi);
    lo = Math.max(lo, q.finish.lo - part.maxLatency);
    const finished = finishSeq(part);
    const [a, b] = bounds(finished, q.finish.lo, q.finish.hi);
    const [c, d] = bounds(createSeq(part), lo, hi);
    if (worthCollecting(b - a, d - c)) return collect(part, q, range(finished, a, b), matches, need, out);
  }
  walk(createSeq(part), part, q, lo, hi, matches, need, out);
}

function finishOrdered(part: Partition, q: TaskQuery, matches: (i: number) => boolean, need: number, out: number[]): void {
  const zero: number[] = [];
  if (!q.finish && q.status === undefined) {
    collect(part, q, part.waiting.concat(part.processing), matches, need, zero);
  }
  if (!q.desc) {
    out.push(...zero);
    if (out.length >= need) return;
  }
  // CreateTime bounds FinishTime too: created at c, a task finishes within [c, c + maxLatency].
  const lo = Math.max(q.finish?.lo ?? 0, q.createLo);
  const hi = Math.min(q.finish?.hi ?? Infinity, q.createHi + part.maxLatency);
  const finished = finishSeq(part);
  const [a, b] = bounds(finished, lo, hi);
  const created = createSeq(part);
  const [c, d] = bounds(created, q.createLo, q.createHi);
  const rest: number[] = [];
  if (worthCollecting(d - c, b - a)) {
    collect(part, q, range(created, c, d), (i) => part.status[i] >= ST_FINISH && matches(i), need - out.length, rest);
  } else walk(finished, part, q, lo, hi, matches, need - out.length, rest);
  out.push(...rest);
  if (q.desc && out.length < need) out.push(...zero.slice(0, need - out.length));
}

/**
 * Walking costs a few nanoseconds a step and stops after a page; collecting allocates and sorts every
 * candidate, some fifty times dearer each. So collect only sets that are small outright or tiny
 * next to the stretch a walk might cover.
 */
function worthCollecting(setSize: number, walkSize: number): boolean {
  return setSize <= 1000 || (setSize <= COLLECT_MAX && setSize * 50 <= walkSize);
}

function matcher(part: Partition, q: TaskQuery): (i: number) => boolean {
  const { createLo, createHi, status, finish, fileNum } = q;
  return (i) =>
    part.create[i] >= createLo &&
    part.create[i] < createHi &&
    (status === undefined || part.status[i] === status) &&
    (fileNum === undefined || part.file[i] === fileNum) &&
    (!finish || (part.status[i] >= ST_FINISH && part.finish[i] >= finish.lo && part.finish[i] < finish.hi));
}

/** Compares task i's key with a position: negative when i sorts before it (ascending). */
function compare(part: Partition, field: SortField, i: number, key: SortKey): number {
  const k = sortKey(part, i, field);
  return k.primary - key.primary || k.tie - key.tie;
}

/** Filters a candidate set, applies the start position, sorts and keeps the first `need`. */
function collect(
  part: Partition,
  q: TaskQuery,
  candidates: Iterable<number>,
  matches: (i: number) => boolean,
  need: number,
  out: number[],
): void {
  const hits: { i: number; primary: number; tie: number }[] = [];
  for (const i of candidates) {
    if (!matches(i)) continue;
    if (q.from && (q.desc ? compare(part, q.field, i, q.from) > 0 : compare(part, q.field, i, q.from) < 0)) continue;
    hits.push({ i, ...sortKey(part, i, q.field) });
  }
  const sign = q.desc ? -1 : 1;
  hits.sort((a, b) => sign * (a.primary - b.primary || a.tie - b.tie));
  for (let p = 0; p < hits.length && out.length < need; p++) out.push(hits[p].i);
}

/** Task indexes in ascending key order, addressed by position, with the primary key by position. */
interface Seq {
  length: number;
  at(pos: number): number;
  primaryAt(pos: number): number;
}

function createSeq(part: Partition): Seq {
  return { length: part.count, at: (p) => p, primaryAt: (p) => part.create[p] };
}

function seqOf(set: number[], part: Partition): Seq {
  return { length: set.length, at: (p) => set[p], primaryAt: (p) => part.create[set[p]] };
}

function finishSeq(part: Partition): Seq {
  const order = part.finishOrder;
  return { length: part.finishCount, at: (p) => order[p], primaryAt: (p) => part.finish[order[p]] };
}

/** First position whose primary key is >= x. */
function lowerBound(seq: Seq, x: number, lo = 0, hi = seq.length): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (seq.primaryAt(mid) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Positions [a, b) whose primary key lies in [lo, hi). */
function bounds(seq: Seq, lo: number, hi: number): [number, number] {
  if (lo >= hi) return [0, 0];
  const a = lowerBound(seq, lo);
  return [a, lowerBound(seq, hi, a)];
}

function* range(seq: Seq, a: number, b: number): Generator<number> {
  for (let p = a; p < b; p++) yield seq.at(p);
}

/** Walks a sequence between primary bounds [lo, hi) from the start position, in either direction. */
function walk(
  seq: Seq,
  part: Partition,
  q: TaskQuery,
  lo: number,
  hi: number,
  matches: (i: number) => boolean,
  need: number,
  out: number[],
): void {
  if (need <= 0) return;
  let [a, b] = bounds(seq, lo, hi);
  if (q.from) {
    // First position whose key is >= from (asc) or > from (desc): binary search on the full key.
    let l = a;
    let h = b;
    while (l < h) {
      const mid = (l + h) >>> 1;
      const c = compare(part, q.field, seq.at(mid), q.from);
      if (c < 0 || (q.desc && c === 0)) l = mid + 1;
      else h = mid;
    }
    if (q.desc) b = l;
    else a = l;
  }
  if (q.desc) {
    for (let p = b - 1; p >= a && out.length < need; p--) if (matches(seq.at(p))) out.push(seq.at(p));
  } else {
    for (let p = a; p < b && out.length < need; p++) if (matches(seq.at(p))) out.push(seq.at(p));
  }
}
