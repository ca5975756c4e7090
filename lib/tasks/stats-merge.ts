import { isoSeconds } from "@/lib/model/iso-time";
import { TASK_STATUSES, type TaskStatus } from "@/lib/model/status";
import type { DurationCounts, StatsDetail } from "@/lib/mirror/stats-detail";
import { bucketStarts } from "@/lib/stats/buckets";
import { histogramPercentiles } from "@/lib/stats/duration-buckets";
import { type ErrorCount, topErrors } from "@/lib/stats/error-groups";
import type { ErrorGroup, OutcomeBucket, Stats, StatusCounts, TimeBucket } from "@/lib/stats/stats";
import type { HistoryGroups } from "@/lib/store/history-stats";

const KNOWN = new Set<string>(TASK_STATUSES);
const ENDED = new Set(["FINISH", "ABORTED"]);

export interface HistoryPart {
  groups: HistoryGroups;
  /** The whole view's CreateTime range, [fromMs, toMs): the store's part, then the mirror's. */
  fromMs: number;
  toMs: number;
  bucketSeconds: number;
}

/** Buckets of the whole window, each bucket of either part added into the one it falls in. */
class Series {
  readonly starts: number[];
  private readonly size: number;
  constructor(part: HistoryPart) {
    this.starts = bucketStarts(part.fromMs, part.toMs, part.bucketSeconds);
    this.size = part.bucketSeconds * 1_000;
  }
  indexOf(ms: number): number {
    const index = Math.floor((ms - this.starts[0]) / this.size);
    return index >= 0 && index < this.starts.length ? index : -1;
  }
  buckets(): TimeBucket[] {
    return this.starts.map((start) => ({ start: isoSeconds(start), counts: { WAITING: 0, PROCESSING: 0, FINISH: 0, ABORTED: 0 }, total: 0 }));
  }
}

function addCounts(into: StatusCounts, status: string, n: number): void {
  if (KNOWN.has(status)) into[status as TaskStatus] += n;
}

/** The mirror's buckets (finer, aligned within the coarser ones) added into the whole window's. */
function addBuckets(series: Series, into: TimeBucket[], from: readonly TimeBucket[]): void {
  for (const bucket of from) {
    const index = series.indexOf(Date.parse(bucket.start));
    if (index === -1) continue;
    into[index].total += bucket.total;
    for (const status of TASK_STATUSES) into[index].counts[status] += bucket.counts[status];
  }
}

function durationsOf(live: Stats, liveCounts: DurationCounts | undefined, groups: HistoryGroups, typeOrder: string[]): Stats["durations"] {
  const counts = new Map<string, { wait: Map<number, number>; run: Map<number, number> }>();
  const group = (type: string) => {
    let entry = counts.get(type);
    if (!entry) counts.set(type, (entry = { wait: new Map(), run: new Map() }));
    return entry;
  };
  const add = (into: Map<number, number>, bucket: number, n: number) => into.set(bucket, (into.get(bucket) ?? 0) + n);
  for (const [type, entry] of liveCounts ?? []) {
    for (const kind of ["wait", "run"] as const) for (const [bucket, n] of entry[kind]) add(group(type)[kind], bucket, n);
  }
  for (const { type, kind, bucket, tasks } of groups.durations) add(group(type)[kind], bucket, tasks);
  const all = { wait: new Map<number, number>(), run: new Map<number, number>() };
  for (const entry of counts.values()) for (const kind of ["wait", "run"] as const) for (const [bucket, n] of entry[kind]) add(all[kind], bucket, n);
  // Durations the store did not count (coverage.history.durations), or without the mirror's counts
  // (never expected; its part would be lost): the mirror's own percentiles stand.
  if (!groups.durationsCounted || (!liveCounts && live.coverage.tasksCounted > 0)) return live.durations;
  return [{ type: "all", ...all }, ...typeOrder.map((type) => ({ type, ...(counts.get(type) ?? { wait: new Map(), run: new Map() }) }))]
    .map(({ type, wait, run }) => ({ type, wait: histogramPercentiles(wait), run: histogramPercentiles(run) }));
}

/**
 * Every error group of both parts, added by code, then the top ten of the sum: exact when the
 * mirror's answer came with all its groups (its detail), else from its own top ten.
 */
function errorsOf(live: readonly ErrorGroup[], liveCounts: readonly ErrorCount[] | undefined, groups: HistoryGroups): ErrorGroup[] {
  const merged = new Map<string, ErrorCount>();
  const add = (code: string, count: number, message: string | null, types: Iterable<[string, number]>) => {
    let entry = merged.get(code);
    if (!entry) merged.set(code, (entry = { code, count: 0, message: "", types: new Map() }));
    entry.count += count;
    if (!entry.message && message) entry.message = message;
    for (const [type, n] of types) entry.types.set(type, (entry.types.get(type) ?? 0) + n);
  };
  for (const group of liveCounts ?? live.map((error) => ({ ...error, code: error.code === "unknown" ? "" : error.code, types: error.types.map((type) => [type, 0] as [string, number]) }))) {
    add(group.code, group.count, group.message, group.types);
  }
  for (const group of groups.counts) {
    if (group.outcome === "failed" && ENDED.has(group.status)) add(group.errorCode, group.tasks, group.message, [[group.type, group.tasks]]);
  }
  return topErrors(merged.values());
}

/**
 * One view's statistics: the mirror's answer for its part (the last 72 hours) and the task store's
 * groups for the part before, counted as one window with one bucket size. Percentiles of merged
 * durations come from counts per log-scale bucket (each within 19% above the exact value).
 */
export function mergeHistory(live: Stats, detail: StatsDetail | undefined, part: HistoryPart): Stats {
  const { groups } = part;
  const series = new Series(part);
  const created = series.buckets();
  const finished = series.buckets();
  addBuckets(series, created, live.series.created);
  addBuckets(series, finished, live.series.finished);
  const outcomes: OutcomeBucket[] | undefined = live.series.outcomes && series.starts.map((start) => ({ start: isoSeconds(start), known: 0, failed: 0 }));
  for (const bucket of live.series.outcomes ?? []) {
    const index = series.indexOf(Date.parse(bucket.start));
    if (index === -1 || !outcomes) continue;
    outcomes[index].known += bucket.known;
    outcomes[index].failed += bucket.failed;
  }
  const byStatus = { ...live.byStatus };
  const byType = new Map(live.byType.map(({ type, count }) => [type, count]));
  let counted = 0;
  const known = { known: 0, failed: 0 };
  for (const group of groups.counts) {
    counted += group.tasks;
    addCounts(byStatus, group.status, group.tasks);
    byType.set(group.type, (byType.get(group.type) ?? 0) + group.tasks);
    const at = series.indexOf(group.created);
    if (at !== -1) {
      created[at].total += group.tasks;
      addCounts(created[at].counts, group.status, group.tasks);
    }
    const end = group.finished < 0 ? -1 : series.indexOf(group.finished);
    if (end !== -1) {
      finished[end].total += group.tasks;
      addCounts(finished[end].counts, group.status, group.tasks);
    }
    // Ended tasks of the store's part: an unknown outcome can no longer be looked up, so it is not pending.
    if (ENDED.has(group.status) && group.outcome !== "") {
      known.known += group.tasks;
      if (group.outcome === "failed") known.failed += group.tasks;
      if (end !== -1 && outcomes) {
        outcomes[end].known += group.tasks;
        if (group.outcome === "failed") outcomes[end].failed += group.tasks;
      }
    }
  }
  const typeOrder = [...byType].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const coverage: Stats["coverage"] = {
    ...live.coverage,
    tasksCounted: live.coverage.tasksCounted + counted,
    history: { tasksCounted: counted, durations: groups.durationsCounted },
    ...(live.coverage.outcomes ? { outcomes: { ...live.coverage.outcomes, known: live.coverage.outcomes.known + known.known, failed: live.coverage.outcomes.failed + known.failed } } : {}),
  };
  return {
    ...live,
    window: { from: isoSeconds(part.fromMs), to: isoSeconds(Math.max(part.fromMs, part.toMs)) },
    byStatus,
    byType: typeOrder.map(([type, count]) => ({ type, count })),
    series: { bucketSeconds: part.bucketSeconds, created, finished, ...(outcomes ? { outcomes } : {}) },
    durations: durationsOf(live, detail?.durations, groups, typeOrder.map(([type]) => type)),
    ...(live.errors ? { errors: errorsOf(live.errors, detail?.errors, groups) } : {}),
    coverage,
  };
}
