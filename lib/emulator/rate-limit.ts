// Upstream's per-API limit: 100 requests in any 1-second window, per action and SecretId.
// Only admitted requests use up the window, so a client that backs off recovers within a second.
export class SlidingWindowLimiter {
  private readonly windows = new Map<string, { times: Float64Array; next: number }>();

  constructor(
    private readonly limit = 100,
    private readonly windowMs = 1000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records a request under key and says whether it is within the limit. */
  tryAcquire(key: string): boolean {
    let w = this.windows.get(key);
    if (!w) {
      w = { times: new Float64Array(this.limit).fill(-Infinity), next: 0 };
      this.windows.set(key, w);
    }
    const t = this.now();
    // A ring of the last `limit` admissions: the oldest one must have left the window.
    if (t - w.times[w.next] < this.windowMs) return false;
    w.times[w.next] = t;
    w.next = (w.next + 1) % this.limit;
    return true;
  }

  reset(): void {
    this.windows.clear();
  }
}
