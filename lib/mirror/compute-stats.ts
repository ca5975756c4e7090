import type { TaskQuery } from "@/lib/filters/task-query";
import type { TimeWindow } from "@/lib/filters/time-window";
import { bucketSecondsFor, bucketStarts } from "@/lib/stats/buckets";
import { histogramOfSorted } from "@/lib/stats/duration-buckets";
import { percentiles } from "@/lib/stats/percentiles";
import { TASK_STATUSES, type TaskStatus } from "@/lib/model/status";
import { type ErrorCount, topErrors } from "@/lib/stats/error-groups";
import type { Stats, StatusCounts, TimeBucket } from "@/lib/stats/stats";
import { isoSeconds } from "@/lib/model/iso-time";
import { FAILED, UNKNOWN, type OutcomeColumns } from "./outcome-columns";
import { ABORTED, FINISH, STATUS_NAME } from "./status-code";
import type { TaskColumns } from "./task-columns";
import { type DurationCounts, recordStatsDetail } from "./stats-detail";
import { viewFilter } from "./view-filter";

export type CoverageState = Omit<Stats["coverage"], "tasksCounted" | "computedAt">;

const zeroCounts = (): StatusCounts => ({ WAITING: 0, PROCESSING: 0, FINISH: 0, ABORTED: 0 });
const KNOWN = new Set<string>(TASK_STATUSES);

/** Per type number, the wait and run durations in seconds; key -1 gathers all types. */
class Durations {
  private readonly groups = new Map<number, { wait: number[]; run: number[] }>();
  add(type: number, kind: "wait" | "run", seconds: number) {
    for (const key of [-1, type]) {
      let group = this.groups.get(key);
      if (!group) this.groups.set(key, (group = { wait: [], run: [] }));
      group[kind].push(seconds);
    }
  }
  /** Percentiles per type ("all" first), and per type the same durations counted per log-scale bucket. */
  summarise(typeName: (type: number) => string, order: number[]): { durations: Stats["durations"]; counts: DurationCounts } {
    const counts: DurationCounts = new Map();
    const durations = [-1, ...order].map((key) => {
      const group = this.groups.get(key) ?? { wait: [], run: [] };
      const wait = Float64Array.from(group.wait);
      const run = Float64Array.from(group.run);
      // percentiles() sorts in place: the counts per bucket are then a binary search per edge.
      const summary = { type: key === -1 ? "all" : typeName(key), wait: percentiles(wait), run: percentiles(run) };
      if (key !== -1) counts.set(summary.type, { wait: histogramOfSorted(wait), run: histogramOfSorted(run) });
      return summary;
    });
    return { durations, counts };
  }
}

/** Failed tasks by error code: count, the first message seen, and counts per type number. */
class ErrorGroups {
  private readonly groups = new Map<string, { count: number; message: string; types: Map<number, number> }>();
  add(code: string, message: string, type: number) {
    let group = this.groups.get(code);
    if (!group) this.groups.set(code, (group = { count: 0, message, types: new Map() }));
    group.count++;
    if (!group.message && message) group.message = message;
    group.types.set(type, (group.types.get(type) ?? 0) + 1);
  }
  /** Every group, with its types named: what a merge with the store's part counts from. */
  all(typeName: (type: number) => string): ErrorCount[] {
    return [...this.groups].map(([code, group]) => ({
      code, count: group.count, message: group.message, types: new Map([...group.types].map(([type, n]) => [typeName(type), n])),
    }));
  }
}

/**
 * The statistics of one view, in one pass over the mirror. Series place each task by CreateTime
 * (stacked by its current status) and by FinishTime; wait is started − created for every task
 * that started, run is finished − started for tasks that finished (an abort is no full run).
 */
export function computeStats(table: TaskColumns, query: TaskQuery, window: TimeWindow, nowMs: number, coverage: CoverageState, outcomes?: OutcomeColumns): Stats {
  const filter = viewFilter(table, query, window, nowMs, outcomes);
  const span = Math.max(0, filter.to - filter.from);
  const bucketSeconds = bucketSecondsFor(span);
  const starts = span > 0 ? bucketStarts(filter.from, filter.to, bucketSeconds) : [];
  const bucketMs = bucketSeconds * 1_000;
  const newBuckets = (): TimeBucket[] => starts.map((start) => ({ start: isoSeconds(start), counts: zeroCounts(), total: 0 }));
  const created = newBuckets();
  const finished = newBuckets();
  const indexOf = (ms: number) => {
    const index = Math.floor((ms - starts[0]) / bucketMs);
    return index >= 0 && index < starts.length ? index : -1;
  };
  const place = (buckets: TimeBucket[], ms: number, status: string) => {
    const index = indexOf(ms);
    if (index === -1) return;
    buckets[index].total++;
    if (KNOWN.has(status)) buckets[index].counts[status as TaskStatus]++;
  };
  // Per finish bucket: the ended tasks whose outcome is known, and of them the failed.
  const outcomeSeries = starts.map((start) => ({ start: isoSeconds(start), known: 0, failed: 0 }));

  const byStatus = zeroCounts();
  const typeCounts = new Map<number, number>();
  const durations = new Durations();
  let counted = 0;
  const known = { known: 0, pending: 0, failed: 0 };
  const errors = new ErrorGroups();
  for (let slot = 0; slot < table.end; slot++) {
    if (!filter.matches(slot)) continue;
    counted++;
    const code = table.status[slot];
    const status = STATUS_NAME[code];
    if (KNOWN.has(status)) byStatus[status as TaskStatus]++;
    const type = table.type[slot];
    typeCounts.set(type, (typeCounts.get(type) ?? 0) + 1);
    const createMs = table.create[slot];
    const beginMs = table.begin[slot];
    const finishMs = table.finish[slot];
    place(created, createMs, status);
    if (!Number.isNaN(finishMs)) place(finished, finishMs, status);
    if (beginMs >= createMs) durations.add(type, "wait", (beginMs - createMs) / 1_000);
    if (code === FINISH && finishMs >= beginMs) durations.add(type, "run", (finishMs - beginMs) / 1_000);
    if (outcomes && (code === FINISH || code === ABORTED)) {
      const outcome = outcomes.of(slot);
      if (outcome === UNKNOWN) known.pending++;
      else known.known++;
      if (outcome === FAILED) known.failed++;
      const index = outcome === UNKNOWN ? -1 : indexOf(finishMs);
      if (index !== -1) {
        outcomeSeries[index].known++;
        if (outcome === FAILED) outcomeSeries[index].failed++;
      }
      if (outcome === FAILED) errors.add(outcomes.errorCode(slot) ?? "", outcomes.message(slot), type);
    }
  }

  const typeName = (type: number) => table.types.get(type);
  const order = [...typeCounts.keys()].sort((a, b) => typeCounts.get(b)! - typeCounts.get(a)! || (typeName(a) < typeName(b) ? -1 : 1));
  const summary = durations.summarise(typeName, order);
  const errorCounts = outcomes ? errors.all(typeName) : undefined;
  const stats: Stats = {
    window: { from: isoSeconds(Number.isFinite(filter.from) ? filter.from : nowMs), to: isoSeconds(Math.max(filter.from, filter.to)) },
    byStatus,
    byType: order.map((type) => ({ type: typeName(type), count: typeCounts.get(type)! })),
    series: { bucketSeconds, created, finished, ...(outcomes ? { outcomes: outcomeSeries } : {}) },
    durations: summary.durations,
    ...(errorCounts ? { errors: topErrors(errorCounts) } : {}),
    coverage: { ...coverage, tasksCounted: counted, computedAt: isoSeconds(nowMs), ...(outcomes ? { outcomes: known } : {}) },
  };
  recordStatsDetail(stats, { fromMs: filter.from, durations: summary.counts, ...(errorCounts ? { errors: errorCounts } : {}) });
  return stats;
}
