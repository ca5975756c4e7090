import "server-only";
import { invalidParameter } from "@/lib/api/errors";
import type { TaskQuery } from "@/lib/filters/task-query";
import { resolveTimeWindow } from "@/lib/filters/time-window";
import type { Stats } from "@/lib/stats/stats";
import { historyLimit } from "@/lib/config/history-limit";
import { mirrorFor } from "./registry";
import { unreadError } from "./unread-error";

/** How long a request waits for a running sync before answering with what the mirror has. */
export const STATS_WAIT_MS = 2_000;

/**
 * GET /api/stats: the view's statistics from the mirror. Stale data beats no data, so an upstream
 * failure only becomes an error answer when the mirror has never been able to read anything.
 */
export async function getStats(query: TaskQuery): Promise<Stats> {
  // Bad input is a 400 before anything else, even while upstream is down.
  const now = Date.now();
  const window = resolveTimeWindow(query, now, historyLimit(now));
  if (!window.ok) throw invalidParameter(window.message);
  const mirror = mirrorFor(query.subAppId);
  await mirror.refresh({ waitMs: STATS_WAIT_MS });
  const unread = unreadError(mirror);
  if (unread) throw unread;
  // The window is the mirror's to judge, by its own clock: the same one its syncs keep.
  return mirror.stats(query);
}
