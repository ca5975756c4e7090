import type { SqlEngine, Statement } from "./sql-engine";
import { appKey, type TaskRow } from "./task-row";
import { rowFromRecord, SELECT_WINDOW, type TaskRecord } from "./task-sql";

/** The channel every write to a Postgres store notifies, after it commits (LISTEN/NOTIFY). */
export const CHANGES_CHANNEL = "vod_store_changes";

/**
 * The statement a write adds to its transaction so that listeners hear of it once it commits,
 * with the write time its rows carry. Notifications come in commit order: a write stamped before
 * what a follower has read, but committed after, says so, and the follower reads back to it.
 */
export function notifyChanges(stampMs: number): Statement {
  return { sql: "SELECT pg_notify(?, ?)", params: [CHANGES_CHANNEL, String(stampMs)] };
}

/** The newest write time of an application's tasks (-Infinity when none). */
export async function latestChange(engine: SqlEngine, subAppId: number | undefined): Promise<number> {
  const [row] = await engine.query<{ latest: number | null }>("SELECT MAX(updated_at) AS latest FROM vod_tasks WHERE sub_app_id = ?", [appKey(subAppId)]);
  return row?.latest === null || row?.latest === undefined ? -Infinity : Number(row.latest);
}

/**
 * The tasks of one application written at or after `since` and created at or after
 * `createdAfter`, in batches by write time; returns the newest write time seen (`since` when none).
 */
export async function changedSince(engine: SqlEngine, subAppId: number | undefined, since: number, createdAfter: number,
  onBatch: (rows: TaskRow[]) => void, batchSize = 5_000): Promise<number> {
  let after = { time: since - 1, id: "\uffff" };
  let newest = since;
  for (;;) {
    const records = await engine.query<TaskRecord & { updated_at: number }>(
      `${SELECT_WINDOW.replace(" FROM vod_tasks", ", updated_at FROM vod_tasks")} WHERE sub_app_id = ? AND (updated_at, task_id) > (?, ?)
        AND create_time >= ? ORDER BY updated_at, task_id LIMIT ?`,
      [appKey(subAppId), after.time, after.id, createdAfter, batchSize]);
    if (records.length === 0) return newest;
    onBatch(records.map(rowFromRecord));
    const last = records.at(-1)!;
    after = { time: Number(last.updated_at), id: last.task_id };
    newest = Math.max(newest, after.time);
    if (records.length < batchSize) return newest;
  }
}
