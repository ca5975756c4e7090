const MINUTE = 60;
const HOUR = 3_600;

/**
 * Bucket size for a window, so that any window draws as some 60 to 100 bars: up to 72 hours by
 * the minute to the hour, beyond by 2, 4 or 8 hours (30 days: 90 bars), and past 31 days by the day.
 * Every size divides a day, so buckets aligned in UTC hold whole hours (the store's rollups).
 */
export function bucketSecondsFor(windowMs: number): number {
  const hours = windowMs / 3_600_000;
  if (hours <= 1) return MINUTE;
  if (hours <= 6) return 5 * MINUTE;
  if (hours <= 24) return 15 * MINUTE;
  if (hours <= 72) return HOUR;
  if (hours <= 7 * 24) return 2 * HOUR;
  if (hours <= 14 * 24) return 4 * HOUR;
  if (hours <= 31 * 24) return 8 * HOUR;
  return 24 * HOUR;
}

/** Bucket starts aligned to the bucket size in UTC, covering [fromMs, toMs). */
export function bucketStarts(fromMs: number, toMs: number, bucketSeconds: number): number[] {
  const size = bucketSeconds * 1_000;
  const starts: number[] = [];
  for (let start = Math.floor(fromMs / size) * size; start < toMs; start += size) starts.push(start);
  return starts;
}
