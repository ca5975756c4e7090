import type { OutcomeBucket } from "./stats";

export interface FailureRatePoint {
  start: string;
  /** Percent of the bucket's ended tasks with a known outcome that failed; null when none is known. */
  ratePct: number | null;
  known: number;
  failed: number;
}

/** The failure rate per bucket, from the stats' outcome series: failed / known, never over unknown outcomes. */
export function failureRateSeries(buckets: readonly OutcomeBucket[]): FailureRatePoint[] {
  return buckets.map(({ start, known, failed }) => ({ start, known, failed, ratePct: known > 0 ? (100 * failed) / known : null }));
}

/** The whole window's failure rate, in percent, or null before any outcome is known. */
export function overallFailureRate(buckets: readonly OutcomeBucket[]): number | null {
  let known = 0;
  let failed = 0;
  for (const bucket of buckets) {
    known += bucket.known;
    failed += bucket.failed;
  }
  return known > 0 ? (100 * failed) / known : null;
}
