import { statusRank } from "@/lib/model/status";
import type { SqlValue, Statement } from "./sql-engine";
import type { TaskRow } from "./task-row";

const COLUMNS = ["task_id", "sub_app_id", "task_type", "status", "status_rank", "file_id", "create_time", "begin_time", "finish_time",
  "session_id", "session_context", "outcome", "error_code", "message", "updated_at"] as const;

const keepKnown = (column: string) => `${column} = CASE WHEN excluded.${column} = '' THEN vod_tasks.${column} ELSE excluded.${column} END`;

/** The same rules as mergeRows (task-row.ts), for a reading that meets the stored one. */
const ON_CONFLICT = `ON CONFLICT (task_id) DO UPDATE SET
  sub_app_id = excluded.sub_app_id,
  task_type = excluded.task_type,
  ${keepKnown("file_id")},
  ${keepKnown("session_id")},
  ${keepKnown("session_context")},
  status = CASE WHEN excluded.status_rank >= vod_tasks.status_rank THEN excluded.status ELSE vod_tasks.status END,
  status_rank = CASE WHEN excluded.status_rank >= vod_tasks.status_rank THEN excluded.status_rank ELSE vod_tasks.status_rank END,
  begin_time = COALESCE(excluded.begin_time, vod_tasks.begin_time),
  finish_time = COALESCE(excluded.finish_time, vod_tasks.finish_time),
  outcome = COALESCE(excluded.outcome, vod_tasks.outcome),
  error_code = CASE WHEN excluded.outcome IS NULL THEN vod_tasks.error_code ELSE excluded.error_code END,
  message = CASE WHEN excluded.outcome IS NULL THEN vod_tasks.message ELSE excluded.message END,
  updated_at = excluded.updated_at`;

/** Rows per INSERT: 15 parameters each, well under either engine's limit on parameters. */
export const ROWS_PER_STATEMENT = 200;

const placeholders = `(${COLUMNS.map(() => "?").join(", ")})`;
const sqlFor = new Map<number, string>();

function insertSql(rows: number): string {
  let sql = sqlFor.get(rows);
  if (!sql) {
    sql = `INSERT INTO vod_tasks (${COLUMNS.join(", ")}) VALUES ${Array.from({ length: rows }, () => placeholders).join(", ")} ${ON_CONFLICT}`;
    sqlFor.set(rows, sql);
  }
  return sql;
}

/** Appends a row's values, in COLUMNS' order, to a statement's parameters (no array per row: a fill writes a million). */
function pushValues(params: SqlValue[], row: TaskRow, nowMs: number): void {
  params.push(row.taskId, row.subAppId, row.taskType, row.status, statusRank(row.status) + 1, row.fileId, row.createTime, row.beginTime,
    row.finishTime, row.sessionId, row.sessionContext, row.outcome, row.errorCode, row.message, nowMs);
}

/**
 * Upserts by TaskId, as multi-row statements. The rows must have distinct TaskIds (Postgres
 * refuses to update one row twice in a statement): the writer merges readings of a task first.
 */
export function upsertStatements(rows: readonly TaskRow[], nowMs: number): Statement[] {
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const end = Math.min(rows.length, start + ROWS_PER_STATEMENT);
    const params: SqlValue[] = [];
    for (let i = start; i < end; i++) pushValues(params, rows[i], nowMs);
    statements.push({ sql: insertSql(end - start), params });
  }
  return statements;
}

/** A stored row as the engines return it. */
export interface TaskRecord {
  task_id: string;
  sub_app_id: number;
  task_type: string;
  status: string;
  file_id: string;
  create_time: number;
  begin_time: number | null;
  finish_time: number | null;
  session_id: string;
  session_context: string;
  outcome: "success" | "failed" | null;
  error_code: string | null;
  message: string | null;
}

export const SELECT_TASK = "SELECT task_id, sub_app_id, task_type, status, file_id, create_time, begin_time, finish_time, session_id, session_context, outcome, error_code, message FROM vod_tasks";
/** SELECT_TASK without the session fields (read as empty). */
export const SELECT_WINDOW = "SELECT task_id, sub_app_id, task_type, status, file_id, create_time, begin_time, finish_time, '' AS session_id, '' AS session_context, outcome, error_code, message FROM vod_tasks";

export function rowFromRecord(record: TaskRecord): TaskRow {
  return {
    taskId: record.task_id, subAppId: Number(record.sub_app_id), taskType: record.task_type, status: record.status, fileId: record.file_id,
    createTime: Number(record.create_time), beginTime: record.begin_time === null ? null : Number(record.begin_time),
    finishTime: record.finish_time === null ? null : Number(record.finish_time), sessionId: record.session_id,
    sessionContext: record.session_context, outcome: record.outcome, errorCode: record.error_code, message: record.message,
  };
}

/**
 * A stored task as a mirror keeps it, read as an array in this order (no object per row): a
 * restart reads a million of them. Times are epoch ms, null for "not yet".
 */
export type MirrorRow = [taskId: string, taskType: string, status: string, fileId: string, createTime: number, beginTime: number | null,
  finishTime: number | null, outcome: "success" | "failed" | null, errorCode: string | null, message: string | null];

/** The columns of a MirrorRow, in its order. */
export const SELECT_MIRROR = "SELECT task_id, task_type, status, file_id, create_time, begin_time, finish_time, outcome, error_code, message FROM vod_tasks";
