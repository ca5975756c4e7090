import type { HistorySpan } from "@/lib/model/history-span";
import type { TaskStatus } from "@/lib/model/status";

/**
 * The answer of GET /api/stats: one view's window counted from the server-side mirror (upstream's
 * last 72 hours) and, for a view reaching further back, from the task store's history before that.
 */

export type StatusCounts = Record<TaskStatus, number>;

export interface TimeBucket {
  /** Bucket start, ISO 8601 UTC. */
  start: string;
  counts: StatusCounts;
  total: number;
}

/** Seconds; null when no task of the group has such a duration yet. */
export interface Percentiles {
  count: number;
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

export interface OutcomeBucket {
  /** Bucket start, ISO 8601 UTC. */
  start: string;
  known: number;
  failed: number;
}

export interface ErrorGroup {
  code: string;
  count: number;
  message: string;
  /** The task types that failed with this code, the most frequent first. */
  types: string[];
}

export interface Stats {
  /** The CreateTime range counted, after the view's time filters (and the 72-hour limit when the store is not counted). */
  window: { from: string; to: string };
  byStatus: StatusCounts;
  byType: { type: string; count: number }[];
  /**
   * Tasks created per bucket, stacked by their current status; and tasks finished per bucket. The
   * bucket grows with the window (1 minute for an hour, 8 hours for 30 days: lib/stats/buckets.ts),
   * and is at least an hour for a view counted from the store (its rollups are hourly). With
   * outcomes, per finish bucket: the ended tasks whose outcome is known, and of them the failed
   * (the failure rate over time is failed / known).
   */
  series: { bucketSeconds: number; created: TimeBucket[]; finished: TimeBucket[]; outcomes?: OutcomeBucket[] };
  /**
   * Wait = started − created; run = finished − started; per task type, plus "all". With the store's
   * part counted, from counts per log-scale bucket (lib/stats/duration-buckets.ts): each percentile
   * is its bucket's upper edge, at most 19% above the exact value.
   */
  durations: { type: string; wait: Percentiles; run: Percentiles }[];
  /**
   * The view's failed tasks grouped by error code (ABORTED for aborts), the most frequent first, at
   * most ten: how many, one message upstream gave with it, and the task types it struck.
   */
  errors?: ErrorGroup[];
  coverage: {
    /** Tasks that matched the view and were counted (the store's part included). */
    tasksCounted: number;
    /**
     * Present when the task store's part was counted: how many of tasksCounted it gave. Absent for
     * a view reaching past 72 hours means that part is not counted (the store is unavailable; `reason` says so).
     */
    history?: {
      tasksCounted: number;
      /**
       * Whether `durations` count the store's part too. Its rollups hold durations per type and status
       * only: for a view filtering on outcome, errorCode or FinishTime they cover the last 72 hours alone.
       */
      durations: boolean;
    };
    /** False while the mirror is still filling, or when the last sync failed. */
    complete: boolean;
    /** When the mirror last caught up with upstream; null before the first fill finished. */
    syncedAt: string | null;
    /** When this answer was computed. */
    computedAt: string;
    /** Why coverage is incomplete, in words, when it is. */
    reason?: string;
    /**
     * Of the counted tasks that ended, how many outcomes are known (looked up, or aborted) and how
     * many finished tasks still wait for their DescribeTaskDetail lookup (only the last 72 hours'
     * can); `failed`: how many of the known ones failed (aborts included).
     */
    outcomes?: { known: number; pending: number; failed: number };
  };
  /**
   * For a view reaching back past upstream's 72 hours: tasks created before `before` are counted from
   * the task store, newer ones from the mirror (as on /api/tasks). Whether the store's part is in these
   * statistics: `coverage.history`.
   */
  history?: HistorySpan;
}
