import "server-only";
import { historyLimit } from "@/lib/config/history-limit";
import { historyBoundary } from "@/lib/filters/history-boundary";
import type { TaskQuery } from "@/lib/filters/task-query";
import { resolveTimeWindow } from "@/lib/filters/time-window";
import type { Stats } from "@/lib/stats/stats";
import { historySpan } from "./history-pages";

/**
 * /api/stats counts the mirror's 72 hours only: for a view reaching back further it says where
 * that part begins (`history`), so the page can tell which part of the view the charts leave out.
 */
export function withStatsHistory(stats: Stats, query: TaskQuery, nowMs: number): Stats {
  const window = resolveTimeWindow(query, nowMs, historyLimit(nowMs));
  const boundary = window.ok ? historyBoundary(window.value, nowMs) : undefined;
  return boundary === undefined ? stats : { ...stats, history: historySpan(boundary, nowMs) };
}
