import "server-only";
import { historyLimit } from "@/lib/config/history-limit";
import { historyBoundary } from "@/lib/filters/history-boundary";
import type { TaskQuery } from "@/lib/filters/task-query";
import { resolveTimeWindow } from "@/lib/filters/time-window";
import { logEvent } from "@/lib/log";
import { BEYOND_WINDOW_REASON } from "@/lib/mirror/coverage";
import { statsDetail } from "@/lib/mirror/stats-detail";
import { bucketSecondsFor } from "@/lib/stats/buckets";
import type { Stats } from "@/lib/stats/stats";
import { processStore } from "@/lib/store/process-store";
import { historySpan, storeFilter } from "./history-pages";
import { mergeHistory } from "./stats-merge";

/** The store's rollups are hourly: a view it counts is drawn in buckets of an hour at least. */
const MIN_HISTORY_BUCKET_SECONDS = 3_600;

/**
 * /api/stats for a view reaching back past upstream's 72 hours: the mirror's answer for those 72
 * hours, and the task store's count of the tasks created before (`history.before`, where the
 * mirror's part begins), merged into one window. Without a store, or when it fails, the answer is
 * the mirror's alone, marked incomplete with the reason, as `coverage.history` being absent says.
 */
export async function withStatsHistory(stats: Stats, query: TaskQuery, nowMs: number): Promise<Stats> {
  const window = resolveTimeWindow(query, nowMs, historyLimit(nowMs));
  const boundary = window.ok ? historyBoundary(window.value, nowMs) : undefined;
  if (!window.ok || boundary === undefined) return stats;
  const detail = statsDetail(stats);
  // Where the mirror's count began, to the second (task times are whole seconds): the store counts what is older.
  const liveFrom = detail ? Math.ceil(detail.fromMs / 1_000) * 1_000 : boundary;
  const history = historySpan(liveFrom, nowMs);
  const opened = processStore();
  if (!opened) return { ...stats, history };
  const { created } = window.value;
  const fromMs = created.after ?? historyLimit(nowMs).earliestMs;
  const toMs = Math.min(created.before ?? Infinity, nowMs);
  const bucketSeconds = Math.max(bucketSecondsFor(toMs - fromMs), MIN_HISTORY_BUCKET_SECONDS);
  const filter = storeFilter(query, window.value, Math.min(created.before ?? Infinity, liveFrom));
  let groups;
  try {
    groups = await opened.store.historyStats(filter, bucketSeconds * 1_000);
  } catch (error) {
    logEvent("warn", "statistics over history failed; answering the last 72 hours only", { error: error instanceof Error ? error.message : String(error) });
    return { ...stats, history, coverage: { ...stats.coverage, complete: false, reason: BEYOND_WINDOW_REASON } };
  }
  const merged = mergeHistory(stats, detail, { groups, fromMs, toMs, bucketSeconds });
  // The mirror said its 72 hours were not the whole view: with the store's part they are.
  const whole = merged.coverage.reason === BEYOND_WINDOW_REASON;
  return {
    ...merged,
    history,
    coverage: whole ? { ...merged.coverage, complete: true, reason: undefined } : merged.coverage,
  };
}
