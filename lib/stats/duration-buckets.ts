import type { Percentiles } from "./stats";

/**
 * A coarse log scale for durations, so that percentiles over millions of tasks come from counts
 * per bucket (the task store's hourly rollups) rather than from every value. Bucket 0 holds
 * durations under a second; bucket k (1..LAST) those under 2^(k/4) seconds (each edge about 19%
 * above the one before); LAST + 1 everything longer (over 2^21 s, some 24 days).
 */
export const DURATION_BUCKET_LAST = 84;

/** Upper edges in ms, exclusive: UPPER_MS[k] bounds bucket k. */
const UPPER_MS: readonly number[] = Array.from({ length: DURATION_BUCKET_LAST + 1 }, (_, k) => Math.round(1_000 * 2 ** (k / 4)));

/** The bucket of a duration in ms (the same rule as durationBucketSql). */
export function durationBucket(ms: number): number {
  for (let k = 0; k <= DURATION_BUCKET_LAST; k++) if (ms < UPPER_MS[k]) return k;
  return DURATION_BUCKET_LAST + 1;
}

/**
 * The same rule in portable SQL, for an expression in ms: a CASE of comparisons (neither engine
 * needs a math library), ordered so that short durations, the common ones, stop early.
 */
export function durationBucketSql(expression: string): string {
  return `CASE ${UPPER_MS.map((upper, k) => `WHEN ${expression} < ${upper} THEN ${k}`).join(" ")} ELSE ${DURATION_BUCKET_LAST + 1} END`;
}

/** The seconds a bucket stands for: its upper edge (so a percentile reads "at most"), whole seconds. */
function bucketSeconds(bucket: number): number {
  return Math.round(UPPER_MS[Math.min(bucket, DURATION_BUCKET_LAST)] / 1_000);
}

/**
 * Nearest-rank percentiles from counts per bucket, each the upper edge of the bucket holding that
 * rank: within 19% above the exact value (lib/stats/percentiles.ts) the same tasks would give.
 */
export function histogramPercentiles(counts: ReadonlyMap<number, number>): Percentiles {
  let count = 0;
  for (const n of counts.values()) count += n;
  if (count === 0) return { count, p50: null, p90: null, p99: null };
  const buckets = [...counts.keys()].sort((a, b) => a - b);
  const at = (p: number) => {
    const rank = Math.max(1, Math.ceil(p * count));
    let seen = 0;
    for (const bucket of buckets) {
      seen += counts.get(bucket)!;
      if (seen >= rank) return bucketSeconds(bucket);
    }
    return bucketSeconds(buckets.at(-1)!);
  };
  return { count, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}

/** Counts per bucket of durations in seconds, sorted ascending (as percentiles() leaves them): a binary search per edge. */
export function histogramOfSorted(seconds: Float64Array): Map<number, number> {
  const counts = new Map<number, number>();
  let below = 0;
  for (let k = 0; k <= DURATION_BUCKET_LAST + 1 && below < seconds.length; k++) {
    const edge = k <= DURATION_BUCKET_LAST ? UPPER_MS[k] / 1_000 : Infinity;
    let lo = below;
    let hi = seconds.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (seconds[mid] < edge) lo = mid + 1;
      else hi = mid;
    }
    if (lo > below) counts.set(k, lo - below);
    below = lo;
  }
  return counts;
}
