import type { SqlEngine, Statement } from "./sql-engine";

export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

/**
 * The schema, one list for both engines (portable SQL only: TEXT, BIGINT, INTEGER). Times are
 * epoch milliseconds, NULL for "not yet". Tables carry a `vod_` prefix, so a Postgres database
 * shared with other applications is no problem. Append new versions; never edit a shipped one.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "tasks, outcomes, sync marks, settings",
    statements: [
      `CREATE TABLE vod_tasks (
        task_id TEXT PRIMARY KEY,
        sub_app_id BIGINT NOT NULL,
        task_type TEXT NOT NULL,
        status TEXT NOT NULL,
        status_rank INTEGER NOT NULL,
        file_id TEXT NOT NULL,
        create_time BIGINT NOT NULL,
        begin_time BIGINT,
        finish_time BIGINT,
        session_id TEXT NOT NULL,
        session_context TEXT NOT NULL,
        outcome TEXT,
        error_code TEXT,
        message TEXT,
        updated_at BIGINT NOT NULL
      )`,
      // Shaped like the reads: a window by creation time, ends by finish time, per application.
      "CREATE INDEX vod_tasks_app_created ON vod_tasks (sub_app_id, create_time, task_id)",
      "CREATE INDEX vod_tasks_app_finished ON vod_tasks (sub_app_id, finish_time, task_id)",
      "CREATE INDEX vod_tasks_created ON vod_tasks (create_time)",
      `CREATE TABLE vod_sync_marks (
        sub_app_id BIGINT PRIMARY KEY,
        created_up_to BIGINT NOT NULL,
        finished_since BIGINT NOT NULL,
        saved_at BIGINT NOT NULL
      )`,
      "CREATE TABLE vod_settings (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
  },
  {
    version: 2,
    name: "replicas: what changed since, and who collects",
    statements: [
      // Followers read what the collector wrote since their last look (lib/mirror/follow-store.ts).
      "CREATE INDEX vod_tasks_app_updated ON vod_tasks (sub_app_id, updated_at)",
      // The replica holding the collector's lock, and the server process (backend_pid) that holds it for it.
      "CREATE TABLE vod_leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, backend_pid INTEGER, since BIGINT NOT NULL)",
      // The replicas' one upstream budget, in rate-limiter-flexible's own layout (lib/replicas/shared-rate-limit.ts).
      "CREATE TABLE vod_rate_limits (key VARCHAR(255) PRIMARY KEY, points INTEGER NOT NULL DEFAULT 0, expire BIGINT)",
    ],
  },
  {
    version: 3,
    name: "replicas: upstream answers they share",
    statements: [
      // One replica's fresh upstream answer serves the same request on the others (lib/replicas/postgres-answers.ts).
      "CREATE TABLE vod_answers (key TEXT PRIMARY KEY, body TEXT NOT NULL, expires BIGINT NOT NULL)",
    ],
  },
  {
    version: 4,
    name: "statistics over history: hourly rollups",
    statements: [
      // Tasks per application and hour of CreateTime, grouped by what /api/stats filters and draws
      // (lib/store/stats-rollup.ts). Unknown outcome and no error code are '', not finished is -1.
      `CREATE TABLE vod_stats_hours (
        sub_app_id BIGINT NOT NULL,
        hour BIGINT NOT NULL,
        task_type TEXT NOT NULL,
        status TEXT NOT NULL,
        outcome TEXT NOT NULL,
        error_code TEXT NOT NULL,
        finish_hour BIGINT NOT NULL,
        tasks BIGINT NOT NULL,
        message TEXT,
        PRIMARY KEY (sub_app_id, hour, task_type, status, outcome, error_code, finish_hour)
      )`,
      // Wait and run durations counted per log-scale bucket (lib/stats/duration-buckets.ts), per
      // application, hour, type and status only: every bucket of every group would be millions of rows.
      `CREATE TABLE vod_stats_durations (
        sub_app_id BIGINT NOT NULL,
        hour BIGINT NOT NULL,
        task_type TEXT NOT NULL,
        status TEXT NOT NULL,
        kind TEXT NOT NULL,
        bucket INTEGER NOT NULL,
        tasks BIGINT NOT NULL,
        PRIMARY KEY (sub_app_id, hour, task_type, status, kind, bucket)
      )`,
      // Hours whose tasks were written since their rollup was computed: recomputed before they are read.
      "CREATE TABLE vod_stats_dirty (sub_app_id BIGINT NOT NULL, hour BIGINT NOT NULL, PRIMARY KEY (sub_app_id, hour))",
      // Moves on with every change to the rollups: a server keeps what it read of them until it does.
      "CREATE TABLE vod_stats_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL)",
      "INSERT INTO vod_stats_version (id, version) VALUES (1, 0)",
      // A store migrated from version 3 already holds tasks: every hour of them starts dirty.
      `INSERT INTO vod_stats_dirty (sub_app_id, hour)
        SELECT DISTINCT sub_app_id, create_time - create_time % 3600000 FROM vod_tasks WHERE create_time >= 0`,
    ],
  },
  {
    version: 5,
    name: "the replicas' shared upstream pace",
    statements: [
      // When the next upstream request may go, in microseconds of the database's clock, for all
      // replicas together (lib/replicas/shared-rate-limit.ts). Replaces vod_rate_limits' fixed windows.
      "CREATE TABLE vod_upstream_pace (name TEXT PRIMARY KEY, next_at_us BIGINT NOT NULL)",
    ],
  },
];

export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;

const LEDGER = "CREATE TABLE IF NOT EXISTS vod_schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)";

/** Thrown when the database is not one this version of the dashboard may write to. */
export class StoreRefused extends Error {}

/**
 * Brings the schema up to date, one version per transaction, at start. A database written by a
 * newer version is refused rather than written with an older idea of its tables.
 */
export async function migrate(engine: SqlEngine, nowMs = Date.now()): Promise<number> {
  // Replicas starting together migrate one at a time: each transaction first takes this lock.
  const serialized = (statements: Statement[]) => (engine.kind === "postgres" ? [{ sql: "SELECT pg_advisory_xact_lock(?)", params: [MIGRATION_LOCK] }, ...statements] : statements);
  await engine.transaction(serialized([{ sql: LEDGER }]));
  const current = await schemaVersion(engine);
  if (current > SCHEMA_VERSION) {
    throw new StoreRefused(`DATABASE_URL: the store has schema version ${current}, newer than this dashboard's ${SCHEMA_VERSION}; upgrade the dashboard`);
  }
  for (const migration of MIGRATIONS.filter((m) => m.version > current)) {
    const statements: Statement[] = migration.statements.map((sql) => ({ sql }));
    statements.push({ sql: "INSERT INTO vod_schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", params: [migration.version, migration.name, nowMs] });
    try {
      await engine.transaction(serialized(statements));
    } catch (error) {
      // Another replica applied it while this one waited for the lock: nothing was changed here.
      if ((await schemaVersion(engine)) < migration.version) throw error;
    }
  }
  return SCHEMA_VERSION;
}

/** An advisory lock key of the migrations' own ("vodmigr" as a number). */
const MIGRATION_LOCK = 0x766f646d6967;

async function schemaVersion(engine: SqlEngine): Promise<number> {
  const [row] = await engine.query<{ version: number | null }>("SELECT MAX(version) AS version FROM vod_schema_migrations");
  return Number(row?.version ?? 0);
}
