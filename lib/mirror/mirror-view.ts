import type { TaskQuery } from "@/lib/filters/task-query";
import type { Outcome, TaskUpdate } from "@/lib/model/task";
import type { Stats } from "@/lib/stats/stats";
import type { EndedTask } from "./ended-between";
import type { ActiveTasks, MinuteCount } from "./oncall";
import type { RecentOutcomes } from "./outcomes";

export interface MirrorHealth {
  subAppId: number | undefined;
  /**
   * empty: nothing read yet; filling: the first read of the window is under way; restoring: started
   * from the store, catching up with what changed since its last sync; ready: kept current.
   */
  state: "empty" | "filling" | "restoring" | "ready";
  tasks: number;
  /** When the mirror last caught up with upstream (the start of the last successful sync). */
  syncedAt: string | null;
  lastAttemptAt: string | null;
  /** The last sync's failure; null once a sync succeeds again. */
  lastError: { code: string; message: string; at: string } | null;
  fill: { pages: number; startedAt: string; finishedAt: string | null; durationMs: number | null } | null;
  /** Upstream calls and time of the last successful refresh (after the fill). */
  lastSync: { calls: number; durationMs: number; at: string } | null;
  /** Tasks that left WAITING/PROCESSING unseen, waiting for a detail lookup. */
  pendingChecks: number;
}

/** What the dashboard reads from the mirror of one SubAppId. */
export interface MirrorView {
  readonly subAppId: number | undefined;
  /**
   * Notes that someone is looking and starts a sync when the data is older than the sync interval.
   * Resolves when that sync ends or after `waitMs`, whichever comes first; never throws.
   */
  refresh(options?: { waitMs?: number }): Promise<void>;
  /** Whether upstream has ever answered the mirror; without that there is nothing to show. */
  readonly hasData: boolean;
  /** The last sync's error, to answer with when there is no data. */
  readonly lastError: unknown;
  /** The statistics of a view (throws a 400 ApiError for an impossible time window). */
  stats(query: TaskQuery, nowMs?: number): Stats;
  /** Current WAITING and PROCESSING tasks, the oldest first. */
  activeTasks(options?: { limit?: number }): ActiveTasks;
  /** How many tasks were WAITING at a past moment (epoch ms), rebuilt from the mirror's times. */
  waitingAt(atMs: number): number;
  /** How many tasks the mirror saw start at or after a moment (epoch ms): a stall is none while tasks wait. */
  startedSince(sinceMs: number): number;
  /** Tasks ended per minute, for the last `hours` (default 6). */
  finishedPerMinute(options?: { hours?: number }): MinuteCount[];
  /** Outcomes of the tasks ended in the last hour; asking starts (and keeps alive) the lookups. */
  recentOutcomes(): RecentOutcomes;
  /** A task's outcome and error code as the mirror knows them; nulls while unknown or not held. */
  outcomeOf(taskId: string): { outcome: Outcome; errorCode: string | null };
  health(): MirrorHealth;
  /** The mirror's current reading of these tasks (unknown IDs left out): live rows at no upstream cost. */
  tasksByIds(ids: readonly string[]): TaskUpdate[];
  /** The tasks that ended with a FinishTime in [fromMs, toMs), with their wait and run: for /metrics. */
  endedBetween(fromMs: number, toMs: number): EndedTask[];
}
