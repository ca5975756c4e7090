import { durationBucketSql } from "@/lib/stats/duration-buckets";
import type { SqlValue } from "./sql-engine";

export const HOUR_MS = 3_600_000;

/** Tasks of one kind counted together: CreateTime and FinishTime as bucket starts (-1: not finished). */
export interface CountGroup {
  created: number;
  finished: number;
  type: string;
  status: string;
  /** '' while unknown. */
  outcome: string;
  /** '' for none. */
  errorCode: string;
  tasks: number;
  message: string | null;
}

/** Tasks of one type whose wait or run fell in one log-scale bucket (lib/stats/duration-buckets.ts). */
export interface DurationGroup {
  type: string;
  kind: "wait" | "run";
  bucket: number;
  tasks: number;
}

/**
 * Where the same groups are counted from: the tasks themselves, or the hourly rollups made of them
 * (lib/store/stats-rollup.ts). Each names its columns, so one filter and one query serve both.
 */
export interface GroupSource {
  table: string;
  created: string;
  finished: string;
  outcome: string;
  errorCode: string;
  tasks: string;
  message: string;
}

export const ROWS: GroupSource = {
  table: "vod_tasks", created: "create_time", finished: "finish_time", outcome: "COALESCE(outcome, '')", errorCode: "COALESCE(error_code, '')",
  tasks: "COUNT(*)", message: "MAX(message)",
};

export const ROLLUPS: GroupSource = {
  table: "vod_stats_hours", created: "hour", finished: "finish_hour", outcome: "outcome", errorCode: "error_code",
  tasks: "CAST(SUM(tasks) AS BIGINT)", message: "MAX(message)",
};

/** A WHERE clause and its parameters, in order. */
export interface Where {
  clauses: string[];
  params: SqlValue[];
}

/** `finished` of a source as a bucket start, -1 for a task not finished (NULL in the rows, -1 in the rollups). */
function finishedBucket(source: GroupSource): string {
  const column = source.finished;
  return source === ROWS ? `CASE WHEN ${column} IS NULL THEN -1 ELSE ${column} - ${column} % ? END` : `CASE WHEN ${column} < 0 THEN -1 ELSE ${column} - ${column} % ? END`;
}

/** Counts per group, CreateTime and FinishTime cut into buckets of `bucketMs` (aligned in UTC). */
export function countGroupsQuery(source: GroupSource, where: Where, bucketMs: number): { sql: string; params: SqlValue[] } {
  const sql = `SELECT ${source.created} - ${source.created} % ? AS created, ${finishedBucket(source)} AS finished, task_type AS type, status,
    ${source.outcome} AS outcome, ${source.errorCode} AS error_code, ${source.tasks} AS tasks, ${source.message} AS message
    FROM ${source.table} WHERE ${where.clauses.join(" AND ")} GROUP BY 1, 2, 3, 4, 5, 6`;
  return { sql, params: [bucketMs, bucketMs, ...where.params] };
}

/**
 * Wait (started − created) and run (finished − started, FINISH only) counted per bucket and type
 * (the rules of compute-stats.ts), and per `keys` too: expressions over the rows, for the rollups.
 */
export function durationGroupsQuery(source: GroupSource, where: Where, keys: readonly string[] = []): { sql: string; params: SqlValue[] } {
  const condition = where.clauses.join(" AND ");
  const extra = keys.map((key, i) => `, ${key} AS k${i}`).join("");
  const groupBy = [1, 2, 3, ...keys.map((_, i) => i + 4)].join(", ");
  if (source === ROWS) {
    const sql = `SELECT task_type AS type, 'wait' AS kind, ${durationBucketSql("(begin_time - create_time)")} AS bucket${extra}, COUNT(*) AS tasks
        FROM vod_tasks WHERE ${condition} AND begin_time >= create_time GROUP BY ${groupBy}
      UNION ALL
      SELECT task_type AS type, 'run' AS kind, ${durationBucketSql("(finish_time - begin_time)")} AS bucket${extra}, COUNT(*) AS tasks
        FROM vod_tasks WHERE ${condition} AND status = 'FINISH' AND finish_time >= begin_time GROUP BY ${groupBy}`;
    return { sql, params: [...where.params, ...where.params] };
  }
  const sql = `SELECT task_type AS type, kind, bucket${extra}, CAST(SUM(tasks) AS BIGINT) AS tasks FROM vod_stats_durations WHERE ${condition} GROUP BY ${groupBy}`;
  return { sql, params: where.params };
}

interface CountRecord { created: number; finished: number; type: string; status: string; outcome: string; error_code: string; tasks: number; message: string | null }

export function countGroupOf(record: CountRecord): CountGroup {
  return {
    created: Number(record.created), finished: Number(record.finished), type: record.type, status: record.status, outcome: record.outcome,
    errorCode: record.error_code, tasks: Number(record.tasks), message: record.message,
  };
}

export function durationGroupOf(record: { type: string; kind: string; bucket: number; tasks: number }): DurationGroup {
  return { type: record.type, kind: record.kind === "run" ? "run" : "wait", bucket: Number(record.bucket), tasks: Number(record.tasks) };
}
