import type { SqlEngine, SqlValue, Statement } from "./sql-engine";
import { countGroupsQuery, durationGroupsQuery, HOUR_MS, ROWS } from "./stats-groups";
import type { TaskRow } from "./task-row";

/**
 * The hourly rollups of the store's tasks (migration 4): per application and hour of CreateTime,
 * counts by type, status, outcome, error code and hour of FinishTime, and durations per log-scale
 * bucket. A write marks the hours it touched dirty (in its own transaction); a dirty hour is
 * recomputed from its rows (a grouped query for the counts, one for the durations) before anything reads it.
 */

export const hourOf = (ms: number): number => ms - (((ms % HOUR_MS) + HOUR_MS) % HOUR_MS);

/** Marks the hours of CreateTime the rows fall in dirty (their rollups must be recomputed). */
export function markDirtyStatement(rows: readonly TaskRow[]): Statement | undefined {
  const hours = new Map<string, [number, number]>();
  for (const row of rows) {
    const hour = hourOf(row.createTime);
    hours.set(`${row.subAppId}:${hour}`, [row.subAppId, hour]);
  }
  if (hours.size === 0) return undefined;
  return {
    sql: `INSERT INTO vod_stats_dirty (sub_app_id, hour) VALUES ${[...hours.values()].map(() => "(?, ?)").join(", ")} ON CONFLICT (sub_app_id, hour) DO NOTHING`,
    params: [...hours.values()].flat(),
  };
}

/** The row columns the duration rollups are keyed by, beside type, kind and bucket. */
const DURATION_KEYS = ["status"];

/** One hour of one application, recomputed from its rows: the dirty mark goes first, so a write meanwhile marks it again. */
export function recomputeHourStatements(subAppId: number, hour: number): Statement[] {
  const where = { clauses: ["sub_app_id = ?", "create_time >= ?", "create_time < ?"], params: [subAppId, hour, hour + HOUR_MS] as SqlValue[] };
  const counts = countGroupsQuery(ROWS, where, HOUR_MS);
  const durations = durationGroupsQuery(ROWS, where, DURATION_KEYS);
  const key = ["sub_app_id = ? AND hour = ?", [subAppId, hour]] as const;
  return [
    { sql: `DELETE FROM vod_stats_dirty WHERE ${key[0]}`, params: key[1] },
    { sql: `DELETE FROM vod_stats_hours WHERE ${key[0]}`, params: key[1] },
    { sql: `DELETE FROM vod_stats_durations WHERE ${key[0]}`, params: key[1] },
    {
      sql: `INSERT INTO vod_stats_hours (sub_app_id, hour, finish_hour, task_type, status, outcome, error_code, tasks, message)
        SELECT CAST(? AS BIGINT), created, finished, type, status, outcome, error_code, tasks, message FROM (${counts.sql}) AS grouped`,
      params: [subAppId, ...counts.params],
    },
    {
      sql: `INSERT INTO vod_stats_durations (sub_app_id, hour, task_type, kind, bucket, status, tasks)
        SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), type, kind, bucket, k0, tasks FROM (${durations.sql}) AS grouped`,
      params: [subAppId, hour, ...durations.params],
    },
  ];
}

/** Every change to the rollups moves their version on, in its own transaction (see rollupVersion). */
const BUMP_VERSION: Statement = { sql: "UPDATE vod_stats_version SET version = version + 1 WHERE id = 1" };

/** The rollups' version: what was read of them at this version is still what they hold. */
export async function rollupVersion(engine: SqlEngine): Promise<number> {
  const [row] = await engine.query<{ version: number }>("SELECT version FROM vod_stats_version WHERE id = 1");
  return Number(row?.version ?? 0);
}

/** Hours recomputed per transaction: a day of one application's tasks. */
const HOURS_PER_TRANSACTION = 24;

/** An advisory lock key of the rollups' own ("vodroll"): replicas recompute an hour one at a time. */
const ROLLUP_LOCK = 0x766f64726f6c6c;

/**
 * Recomputes every dirty hour that ends by `before` (of one application, or all); returns how many.
 * Hours still inside upstream's 72 hours stay dirty: the mirror answers for them, and they change.
 */
export async function refreshRollups(engine: SqlEngine, before: number, subAppId?: number): Promise<number> {
  const params: SqlValue[] = [before - HOUR_MS];
  if (subAppId !== undefined) params.push(subAppId);
  const dirty = await engine.query<{ sub_app_id: number; hour: number }>(
    `SELECT sub_app_id, hour FROM vod_stats_dirty WHERE hour <= ?${subAppId === undefined ? "" : " AND sub_app_id = ?"} ORDER BY sub_app_id, hour`, params);
  const lock: Statement[] = engine.kind === "postgres" ? [{ sql: "SELECT pg_advisory_xact_lock(?)", params: [ROLLUP_LOCK] }] : [];
  for (let start = 0; start < dirty.length; start += HOURS_PER_TRANSACTION) {
    const batch = dirty.slice(start, start + HOURS_PER_TRANSACTION);
    await engine.transaction([...lock, ...batch.flatMap((row) => recomputeHourStatements(Number(row.sub_app_id), Number(row.hour))), BUMP_VERSION]);
  }
  return dirty.length;
}

/**
 * Retention's part: rollups of hours wholly before `before` go, and the hour it cuts through is
 * marked dirty (some of its tasks were just removed).
 */
export async function dropRollupsBefore(engine: SqlEngine, before: number): Promise<void> {
  const cut = hourOf(before);
  await engine.transaction([
    { sql: "DELETE FROM vod_stats_hours WHERE hour < ?", params: [cut] },
    { sql: "DELETE FROM vod_stats_durations WHERE hour < ?", params: [cut] },
    { sql: "DELETE FROM vod_stats_dirty WHERE hour < ?", params: [cut] },
    ...(before > cut ? [{
      sql: "INSERT INTO vod_stats_dirty (sub_app_id, hour) SELECT DISTINCT sub_app_id, hour FROM vod_stats_hours WHERE hour = ? ON CONFLICT (sub_app_id, hour) DO NOTHING",
      params: [cut],
    }] : []),
    BUMP_VERSION,
  ]);
}
