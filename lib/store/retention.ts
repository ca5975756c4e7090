import { logEvent } from "@/lib/log";
import { WINDOW_MS } from "@/lib/vod/wire";
import type { TaskStore } from "./task-store";

const DAY_MS = 86_400_000;
const EVERY_MS = 3_600_000;
const BATCH = 1_000;

/**
 * Removes every task created more than `historyDays` ago, a small batch per transaction, and their
 * hourly rollups; returns how many tasks.
 */
export async function applyRetention(store: TaskStore, historyDays: number, nowMs = Date.now()): Promise<number> {
  const before = nowMs - historyDays * DAY_MS;
  let removed = 0;
  for (let n = await store.removeCreatedBefore(before, BATCH); n > 0; n = await store.removeCreatedBefore(before, BATCH)) {
    removed += n;
    // Between batches, the event loop serves requests (SQLite's calls are synchronous).
    await new Promise((resolve) => setImmediate(resolve));
  }
  await store.dropRollupsBefore(before);
  // The hours that left upstream's 72 hours since the last run: their rollups are ready before a view asks.
  await store.refreshRollups(nowMs - WINDOW_MS);
  return removed;
}

/** Applies the retention now and then every hour, in the background; never throws. */
export function startRetention(store: TaskStore, historyDays: number): { stop(): void } {
  const run = () => applyRetention(store, historyDays).then(
    (removed) => removed > 0 && logEvent("info", "task store retention", { removed, historyDays }),
    (error: unknown) => logEvent("warn", "task store retention failed", { error: error instanceof Error ? error.message : String(error) }),
  );
  void run();
  const timer = setInterval(run, EVERY_MS);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
