import type { HistorySpan } from "@/lib/model/history-span";
import type { TaskStatus } from "@/lib/model/status";

/** The answer of GET /api/stats: what the server-side mirror knows about one view's window. */

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
  /** The window counted, after the view's time filters and the 72-hour limit. */
  window: { from: string; to: string };
  byStatus: StatusCounts;
  byType: { type: string; count: number }[];
  /**
   * Tasks created per bucket, stacked by their current status; and tasks finished per bucket. With
   * outcomes, per finish bucket: the ended tasks whose outcome is known, and of them the failed
   * (the failure rate over time is failed / known).
   */
  series: { bucketSeconds: number; created: TimeBucket[]; finished: TimeBucket[]; outcomes?: OutcomeBucket[] };
  /** Wait = started − created; run = finished − started; per task type, plus "all". */
  durations: { type: string; wait: Percentiles; run: Percentiles }[];
  /**
   * The view's failed tasks grouped by error code (ABORTED for aborts), the most frequent first, at
   * most ten: how many, one message upstream gave with it, and the task types it struck.
   */
  errors?: ErrorGroup[];
  coverage: {
    /** Tasks that matched the view and were counted. */
    tasksCounted: number;
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
     * many finished tasks still wait for their DescribeTaskDetail lookup; `failed`: how many of the
     * known ones failed (aborts included).
     */
    outcomes?: { known: number; pending: number; failed: number };
  };
  /**
   * For a view reaching back past upstream's 72 hours: where the counted part begins. Tasks created
   * before `before` are in the task store but not in these statistics.
   */
  history?: HistorySpan;
}
