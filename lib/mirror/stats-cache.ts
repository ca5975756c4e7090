import { FILTER_PARAMS, type TaskQuery } from "@/lib/filters/task-query";
import type { Stats } from "@/lib/stats/stats";

const MAX_VIEWS = 64;

/**
 * Computed answers per view, valid until the mirror's data changes: any number of viewers of a
 * view between two syncs share one computation. The key is the filters as written, so "now-6h"
 * is one view however many seconds apart its viewers ask.
 */
export class StatsCache {
  private readonly entries = new Map<string, { version: number; computedAt: number; stats: Stats }>();

  static keyOf(query: TaskQuery): string {
    return FILTER_PARAMS.map((name) => `${name}=${query[name] ?? ""}`).join("&");
  }

  /** The cached answer if the data has not changed, or if it is younger than `graceMs` anyway. */
  get(key: string, version: number, nowMs: number, graceMs: number): Stats | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    return entry.version === version || nowMs - entry.computedAt < graceMs ? entry.stats : undefined;
  }

  set(key: string, version: number, nowMs: number, stats: Stats): void {
    this.entries.delete(key);
    if (this.entries.size >= MAX_VIEWS) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { version, computedAt: nowMs, stats });
  }
}
