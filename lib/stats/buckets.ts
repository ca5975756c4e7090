const MINUTE = 60;
const HOUR = 3_600;

/** Bucket size for a window, so that any window draws as some 60 to 100 bars. */
export function bucketSecondsFor(windowMs: number): number {
  const hours = windowMs / 3_600_000;
  if (hours <= 1) return MINUTE;
  if (hours <= 6) return 5 * MINUTE;
  if (hours <= 24) return 15 * MINUTE;
  return HOUR;
}

/** Bucket starts aligned to the bucket size in UTC, covering [fromMs, toMs). */
export function bucketStarts(fromMs: number, toMs: number, bucketSeconds: number): number[] {
  const size = bucketSeconds * 1_000;
  const starts: number[] = [];
  for (let start = Math.floor(fromMs / size) * size; start < toMs; start += size) starts.push(start);
  return starts;
}
