import { describe, expect, it } from "vitest";
import { bucketSecondsFor, bucketStarts } from "./buckets";
import { durationBucket, durationBucketSql, histogramPercentiles } from "./duration-buckets";
import { percentiles } from "./percentiles";

describe("percentiles", () => {
  it("uses nearest rank", () => {
    const values = Float64Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(values)).toEqual({ count: 100, p50: 50, p90: 90, p99: 99 });
    expect(percentiles(Float64Array.from([7, 1, 3]))).toEqual({ count: 3, p50: 3, p90: 7, p99: 7 });
    expect(percentiles(Float64Array.from([4]))).toEqual({ count: 1, p50: 4, p90: 4, p99: 4 });
  });

  it("is null without values", () => {
    expect(percentiles(new Float64Array(0))).toEqual({ count: 0, p50: null, p90: null, p99: null });
  });
});

describe("buckets", () => {
  it.each([
    [30 * 60_000, 60],
    [3_600_000, 60],
    [6 * 3_600_000, 300],
    [24 * 3_600_000, 900],
    [72 * 3_600_000, 3_600],
    [7 * 86_400_000, 7_200],
    [14 * 86_400_000, 14_400],
    [30 * 86_400_000, 28_800],
    [60 * 86_400_000, 86_400],
  ])("a window of %i ms has buckets of %i s", (windowMs, seconds) => {
    expect(bucketSecondsFor(windowMs)).toBe(seconds);
  });

  it("aligns buckets to their size in UTC", () => {
    const from = Date.UTC(2026, 10, 28, 10, 7, 30);
    const starts = bucketStarts(from, from + 20 * 60_000, 300);
    expect(starts.map((ms) => new Date(ms).toISOString().slice(11, 16))).toEqual(["10:05", "10:10", "10:15", "10:20", "10:25"]);
  });
});

describe("duration buckets", () => {
  it("places durations on a log scale, under a second first", () => {
    expect(durationBucket(0)).toBe(0);
    expect(durationBucket(999)).toBe(0);
    expect(durationBucket(1_000)).toBe(1);
    expect(durationBucket(2_000)).toBe(5);
    expect(durationBucket(10 ** 12)).toBe(85);
    expect(durationBucketSql("d")).toMatch(/^CASE WHEN d < 1000 THEN 0 .* ELSE 85 END$/);
  });

  it("gives nearest-rank percentiles within a bucket's width above the exact ones", () => {
    const values = Array.from({ length: 1_000 }, (_, i) => (i * 37) % 5_000);
    const counts = new Map<number, number>();
    for (const v of values) counts.set(durationBucket(v * 1_000), (counts.get(durationBucket(v * 1_000)) ?? 0) + 1);
    const exact = percentiles(Float64Array.from(values));
    const coarse = histogramPercentiles(counts);
    expect(coarse.count).toBe(1_000);
    for (const p of ["p50", "p90", "p99"] as const) {
      expect(coarse[p]!).toBeGreaterThanOrEqual(exact[p]!);
      expect(coarse[p]!).toBeLessThanOrEqual(Math.ceil(exact[p]! * 1.19) + 1);
    }
    expect(histogramPercentiles(new Map())).toEqual({ count: 0, p50: null, p90: null, p99: null });
  });
});
