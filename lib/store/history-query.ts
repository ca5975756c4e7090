import type { SqlValue } from "./sql-engine";
import { SELECT_TASK } from "./task-sql";

/** A view of the stored history: the task list's filters, as the store can apply them all. */
export interface HistoryFilter {
  subAppId: number;
  status?: string;
  fileId?: string;
  type?: string;
  /** success or failed: tasks whose outcome is known to be that (ABORTED is stored as failed). */
  outcome?: "success" | "failed";
  /** Failed tasks of this error code (ABORTED for aborts). */
  errorCode?: string;
  /** Half-open ranges in epoch ms, as the list's time window. */
  created: { after?: number; before?: number };
  finished: { after?: number; before?: number };
}

export type HistoryOrder = { field: "create_time" | "finish_time"; descending: boolean };

/** Where the previous page stopped: its last task's sort time and TaskId. */
export interface HistoryKey {
  time: number;
  taskId: string;
}

/**
 * One page of history in the list's order, continued by keyset (time, TaskId), so page 1,000
 * costs what page 1 does. Sorting by finish time lists finished tasks only (unfinished ones have
 * no place in that order).
 */
export function historyPageQuery(filter: HistoryFilter, order: HistoryOrder, after: HistoryKey | undefined, limit: number): { sql: string; params: SqlValue[] } {
  const where: string[] = ["sub_app_id = ?"];
  const params: SqlValue[] = [filter.subAppId];
  const add = (clause: string, value: SqlValue | undefined) => {
    if (value === undefined) return;
    where.push(clause);
    params.push(value);
  };
  add("status = ?", filter.status);
  add("file_id = ?", filter.fileId);
  add("task_type = ?", filter.type);
  add("outcome = ?", filter.outcome);
  // An error code belongs to a failure: a success never matches one.
  if (filter.errorCode !== undefined) add("outcome = ?", "failed");
  add("error_code = ?", filter.errorCode);
  add("create_time >= ?", filter.created.after);
  add("create_time < ?", filter.created.before);
  add("finish_time >= ?", filter.finished.after);
  add("finish_time < ?", filter.finished.before);
  const { field, descending } = order;
  if (field === "finish_time") where.push("finish_time IS NOT NULL");
  if (after) {
    const beyond = descending ? "<" : ">";
    // A row value, which both engines seek to in an index on (…, field, task_id); the same
    // condition spelt with OR is only filtered, so each page would scan from the first row.
    where.push(`(${field}, task_id) ${beyond} (?, ?)`);
    params.push(after.time, after.taskId);
  }
  const direction = descending ? "DESC" : "ASC";
  params.push(limit);
  return { sql: `${SELECT_TASK} WHERE ${where.join(" AND ")} ORDER BY ${field} ${direction}, task_id ${direction} LIMIT ?`, params };
}
