import "server-only";
import { dashboardEnv } from "./dashboard-env";
import type { HistoryLimit } from "@/lib/filters/time-window";

const DAY_MS = 86_400_000;

/** The oldest moment a time filter or a cursor may name: VOD_HISTORY_DAYS back from now. */
export function historyLimit(nowMs: number): HistoryLimit {
  const keptDays = dashboardEnv().historyDays;
  return { earliestMs: nowMs - keptDays * DAY_MS, keptDays };
}

/** A cursor's window may end a day past now (a clock a little ahead), never further. */
export function cursorLimits(nowMs: number): { earliestMs: number; latestMs: number } {
  return { earliestMs: historyLimit(nowMs).earliestMs, latestMs: nowMs + DAY_MS };
}
