import type { ErrorCount } from "@/lib/stats/error-groups";
import type { Stats } from "@/lib/stats/stats";

/** Wait and run durations counted per log-scale bucket (lib/stats/duration-buckets.ts), per task type. */
export type DurationCounts = Map<string, { wait: Map<number, number>; run: Map<number, number> }>;

/**
 * What an answer of the mirror knows beyond its JSON, for merging it with the task store's older
 * part (lib/tasks/stats-history.ts): where exactly its CreateTime range began, its durations as
 * counts rather than percentiles, and every error group rather than the answer's top ten (absent
 * when outcomes are not looked up). Kept beside the answer, not in it, so cached answers keep it too.
 */
export interface StatsDetail {
  fromMs: number;
  durations: DurationCounts;
  errors?: ErrorCount[];
}

const details = new WeakMap<Stats, StatsDetail>();

export function recordStatsDetail(stats: Stats, detail: StatsDetail): void {
  details.set(stats, detail);
}

export function statsDetail(stats: Stats): StatsDetail | undefined {
  return details.get(stats);
}
