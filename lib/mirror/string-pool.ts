/**
 * Interned strings with reference counts. Task types are a dozen strings shared by a million
 * tasks, and FileIds repeat when files are reprocessed: each distinct value is stored once and
 * tasks hold a small integer. Counting references lets values leave once no task uses them, so
 * a long-running server's pool follows the 72-hour window instead of growing forever.
 */
export class StringPool {
  private readonly values: string[] = [];
  private readonly refs: number[] = [];
  private readonly index = new Map<string, number>();
  private readonly free: number[] = [];

  /** The value's number, adding a reference. */
  acquire(value: string): number {
    let id = this.index.get(value);
    if (id === undefined) {
      id = this.free.pop() ?? this.values.length;
      this.values[id] = value;
      this.refs[id] = 0;
      this.index.set(value, id);
    }
    this.refs[id]++;
    return id;
  }

  release(id: number): void {
    if (--this.refs[id] > 0) return;
    this.index.delete(this.values[id]);
    this.values[id] = "";
    this.free.push(id);
  }

  get(id: number): string {
    return this.values[id];
  }

  /** The value's number without adding a reference, or -1 when no task has it. */
  find(value: string): number {
    return this.index.get(value) ?? -1;
  }

  get size(): number {
    return this.index.size;
  }
}
