/**
 * The most requests seen in any one-second window (sliding, every action together): what a
 * budget shared by several dashboards must keep under VOD_MAX_RPS.
 */
export class PeakRate {
  peak = 0;
  private readonly times: number[] = [];
  private head = 0;

  constructor(private readonly now: () => number = () => performance.now(), private readonly windowMs = 1_000) {}

  record(): void {
    const t = this.now();
    this.times.push(t);
    while (this.times[this.head] <= t - this.windowMs) this.head++;
    // Drop what has left the window now and then, not at every request.
    if (this.head > 1_024) {
      this.times.splice(0, this.head);
      this.head = 0;
    }
    this.peak = Math.max(this.peak, this.times.length - this.head);
  }
}
