// A binary min-heap of (time, payload) in flat typed arrays: the store keeps one entry per task that
// still has to begin or finish, and pops them in time order as the clock advances.
export class EventHeap {
  private time = new Float64Array(1024);
  private payload = new Float64Array(1024);
  size = 0;

  push(time: number, payload: number): void {
    if (this.size === this.time.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.time[parent] <= time) break;
      this.time[i] = this.time[parent];
      this.payload[i] = this.payload[parent];
      i = parent;
    }
    this.time[i] = time;
    this.payload[i] = payload;
  }

  peekTime(): number {
    return this.size ? this.time[0] : Infinity;
  }

  /** Removes the earliest entry and returns its payload. */
  pop(): number {
    const top = this.payload[0];
    const lastTime = this.time[--this.size];
    const lastPayload = this.payload[this.size];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.time[child + 1] < this.time[child]) child++;
      if (this.time[child] >= lastTime) break;
      this.time[i] = this.time[child];
      this.payload[i] = this.payload[child];
      i = child;
    }
    this.time[i] = lastTime;
    this.payload[i] = lastPayload;
    return top;
  }

  private grow(): void {
    const t = new Float64Array(this.time.length * 2);
    const p = new Float64Array(this.time.length * 2);
    t.set(this.time);
    p.set(this.payload);
    this.time = t;
    this.payload = p;
  }
}
