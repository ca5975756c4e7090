import type { Percentiles } from "./stats";

/**
 * Nearest-rank percentiles: the p-th is the smallest value with at least p% of the values at or
 * below it, so every answer is a duration some task really had. Sorts `values` in place.
 */
export function percentiles(values: Float64Array): Percentiles {
  const count = values.length;
  if (count === 0) return { count, p50: null, p90: null, p99: null };
  values.sort();
  const at = (p: number) => values[Math.max(0, Math.ceil(p * count) - 1)];
  return { count, p50: at(0.5), p90: at(0.9), p99: at(0.99) };
}
