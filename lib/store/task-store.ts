import { isoSeconds } from "@/lib/model/iso-time";
import { WINDOW_MS } from "@/lib/vod/wire";
import { notifyChanges } from "./change-feed";
import type { SqlEngine, Statement } from "./sql-engine";
import { type HistoryFilter, type HistoryKey, type HistoryOrder, historyPageQuery } from "./history-query";
import { type HistoryGroups, historyGroups } from "./history-stats";
import { dropRollupsBefore, markDirtyStatement, refreshRollups } from "./stats-rollup";
import { appKey, type TaskRow } from "./task-row";
import { type MirrorRow, rowFromRecord, SELECT_MIRROR, SELECT_TASK, SELECT_WINDOW, type TaskRecord, upsertStatements } from "./task-sql";

/** Where a mirror's last successful sync left off (see lib/mirror/incremental-sync.ts). */
export interface SyncMarks {
  createdUpTo: number;
  finishedSince: number;
}

/** A collector's lease as written to vod_leases (lib/replicas/collector-lease.ts): who, since when. */
export interface LeaseTerm {
  holder: string;
  since: number;
}

/** Marks to write; with a lease term (replicas on Postgres), only while that term is the lease's. */
export type MarksToWrite = SyncMarks & { term?: LeaseTerm };

const MARKS_UPSERT = `ON CONFLICT (sub_app_id) DO UPDATE SET created_up_to = excluded.created_up_to, finished_since = excluded.finished_since, saved_at = excluded.saved_at`;

export interface StoreSummary {
  tasks: number;
  /** CreateTime of the oldest task kept, ISO 8601 UTC; null when empty. */
  oldest: string | null;
  /** Tasks whose outcome is known (looked up, or aborted). */
  outcomesKnown: number;
  /** FINISH tasks of upstream's 72-hour window whose outcome is still to be looked up (older ones no longer can be). */
  outcomesPending: number;
}

/**
 * The task store: every task read and every outcome learnt, the mirrors' sync marks and the
 * generated settings, behind one interface whichever engine holds them.
 */
export class TaskStore {
  constructor(readonly engine: SqlEngine) {}

  get kind(): "sqlite" | "postgres" {
    return this.engine.kind;
  }

  /**
   * Writes readings of tasks (distinct TaskIds) and sync marks in one transaction, so marks are
   * never ahead of the tasks they vouch for. Marks that carry a lease term are written only if the
   * collector's lease is still that term (fenced, on Postgres): a collector that lost its lease
   * unawares (frozen, then woken) must not overwrite the marks of the one that took over. The
   * lease's row is held FOR SHARE meanwhile, so a takeover waits for the write to commit.
   */
  async write(rows: readonly TaskRow[], marks: ReadonlyMap<number, MarksToWrite> = new Map(), nowMs = Date.now()): Promise<void> {
    const statements: Statement[] = upsertStatements(rows, nowMs);
    // The hours these tasks were created in have rollups to recompute (stats-rollup.ts).
    const dirty = markDirtyStatement(rows);
    if (dirty) statements.push(dirty);
    for (const [subAppId, mark] of marks) {
      const values = [subAppId, mark.createdUpTo, mark.finishedSince, nowMs];
      statements.push(mark.term && this.kind === "postgres" ? {
        sql: `INSERT INTO vod_sync_marks (sub_app_id, created_up_to, finished_since, saved_at)
          SELECT CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT), CAST(? AS BIGINT)
          WHERE EXISTS (SELECT 1 FROM vod_leases WHERE name = 'collector' AND holder = ? AND since = ? FOR SHARE) ${MARKS_UPSERT}`,
        params: [...values, mark.term.holder, mark.term.since],
      } : {
        sql: `INSERT INTO vod_sync_marks (sub_app_id, created_up_to, finished_since, saved_at) VALUES (?, ?, ?, ?) ${MARKS_UPSERT}`,
        params: values,
      });
    }
    if (statements.length === 0) return;
    // Replicas listening on Postgres hear of the write once it commits (lib/replicas/).
    if (this.kind === "postgres") statements.push(notifyChanges(nowMs));
    await this.engine.transaction(statements);
  }

  /** The tasks of one application created at or after `createdAfter`, oldest first, in batches. */
  loadWindow(subAppId: number | undefined, createdAfter: number, onBatch: (rows: TaskRow[]) => void | Promise<void>, batchSize = 5_000): Promise<number> {
    // Without the session fields, which the mirror does not keep: a restart reads a million rows
    // into a heap that already holds the mirror, and small batches keep that garbage young.
    return this.scan(SELECT_WINDOW, "sub_app_id = ? AND ", [appKey(subAppId)], createdAfter, onBatch, batchSize);
  }

  /**
   * loadWindow for a mirror's restart: only the columns it keeps, each row an array (no object,
   * no key per row), in large batches (fewer round trips to Postgres, fewer index descents).
   */
  async loadMirrorWindow(subAppId: number | undefined, createdAfter: number, onBatch: (rows: MirrorRow[]) => void | Promise<void>, batchSize = 20_000): Promise<number> {
    const read = (time: number, id: string) => this.engine.queryArrays(
      `${SELECT_MIRROR} WHERE sub_app_id = ? AND (create_time, task_id) > (?, ?) ORDER BY create_time, task_id LIMIT ?`,
      [appKey(subAppId), time, id, batchSize]) as Promise<MirrorRow[]>;
    let next = read(createdAfter - 1, "\uffff");
    let loaded = 0;
    for (;;) {
      const rows = await next;
      const full = rows.length === batchSize;
      if (full) {
        // The next batch is asked for before this one is handed over: Postgres reads and sends it meanwhile.
        const last = rows.at(-1)!;
        next = read(Number(last[4]), last[0]);
        next.catch(() => undefined);
      }
      if (rows.length > 0) await onBatch(rows);
      loaded += rows.length;
      if (!full) return loaded;
    }
  }

  /** Every task created at or after `createdAfter`, every application, oldest first, in batches (the export). */
  scanAll(createdAfter: number, onBatch: (rows: TaskRow[]) => void | Promise<void>, batchSize = 5_000): Promise<number> {
    return this.scan(SELECT_TASK, "", [], createdAfter, onBatch, batchSize);
  }

  /**
   * Keyset paging on (create_time, task_id): each batch is an index range however deep, and memory
   * stays one batch. The key is compared as a row value, which both engines seek to in the index;
   * spelt `create_time > ? OR (create_time = ? AND task_id > ?)` it was only a filter, and each
   * batch scanned the application's rows from the first (a million-task restart took minutes).
   */
  private async scan(select: string, where: string, params: (string | number)[], createdAfter: number, onBatch: (rows: TaskRow[]) => void | Promise<void>, batchSize: number): Promise<number> {
    let after = { time: createdAfter - 1, id: "\uffff" };
    let loaded = 0;
    for (;;) {
      const records = await this.engine.query<TaskRecord>(
        `${select} WHERE ${where}(create_time, task_id) > (?, ?) ORDER BY create_time, task_id LIMIT ?`,
        [...params, after.time, after.id, batchSize]);
      if (records.length === 0) return loaded;
      const rows = records.map(rowFromRecord);
      await onBatch(rows);
      loaded += rows.length;
      const last = rows.at(-1)!;
      after = { time: last.createTime, id: last.taskId };
      if (records.length < batchSize) return loaded;
    }
  }

  /** One page of stored history for the task list (see history-query.ts). */
  async historyPage(filter: HistoryFilter, order: HistoryOrder, after: HistoryKey | undefined, limit: number): Promise<TaskRow[]> {
    const { sql, params } = historyPageQuery(filter, order, after, limit);
    return (await this.engine.query<TaskRecord>(sql, params)).map(rowFromRecord);
  }

  /** The statistics of a view's history part, as groups (history-stats.ts); `filter.created.before` bounds it. */
  historyStats(filter: HistoryFilter, bucketMs: number): Promise<HistoryGroups> {
    return historyGroups(this.engine, filter, bucketMs);
  }

  /** Recomputes the rollups of every dirty hour ending by `before`; returns how many hours. */
  refreshRollups(before: number): Promise<number> {
    return refreshRollups(this.engine, before);
  }

  /** Retention's part for the rollups: hours before `ms` go (see stats-rollup.ts). */
  dropRollupsBefore(ms: number): Promise<void> {
    return dropRollupsBefore(this.engine, ms);
  }

  async task(taskId: string): Promise<TaskRow | undefined> {
    const [record] = await this.engine.query<TaskRecord>(`${SELECT_TASK} WHERE task_id = ?`, [taskId]);
    return record && rowFromRecord(record);
  }

  /**
   * The newest tasks submitted under one SessionId, of any application (the go-to box's lookup). Not
   * indexed: a rare, interactive read that scans the kept history once, newest first.
   */
  async tasksOfSession(sessionId: string, limit: number): Promise<TaskRow[]> {
    const records = await this.engine.query<TaskRecord>(`${SELECT_TASK} WHERE session_id = ? ORDER BY create_time DESC LIMIT ?`, [sessionId, limit]);
    return records.map(rowFromRecord);
  }

  async syncMarks(subAppId: number | undefined): Promise<SyncMarks | undefined> {
    const [row] = await this.engine.query<{ created_up_to: number; finished_since: number }>(
      "SELECT created_up_to, finished_since FROM vod_sync_marks WHERE sub_app_id = ?", [appKey(subAppId)]);
    return row && { createdUpTo: Number(row.created_up_to), finishedSince: Number(row.finished_since) };
  }

  /** The stored value of a setting; `value` is stored first when there is none (the first writer wins). */
  async keepSetting(name: string, value: string): Promise<string> {
    await this.engine.transaction([{ sql: "INSERT INTO vod_settings (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING", params: [name, value] }]);
    const [row] = await this.engine.query<{ value: string }>("SELECT value FROM vod_settings WHERE name = ?", [name]);
    return row.value;
  }

  /** Removes up to `batch` tasks created before `ms`; returns how many, so callers loop in small steps. */
  async removeCreatedBefore(ms: number, batch = 1_000): Promise<number> {
    const ids = await this.engine.query<{ task_id: string }>("SELECT task_id FROM vod_tasks WHERE create_time < ? LIMIT ?", [ms, batch]);
    if (ids.length === 0) return 0;
    await this.engine.transaction([{ sql: `DELETE FROM vod_tasks WHERE task_id IN (${ids.map(() => "?").join(", ")})`, params: ids.map((row) => row.task_id) }]);
    return ids.length;
  }

  /** Counts over the whole store: a scan, seconds for ten million tasks (off the event loop: slowQuery). */
  async summary(nowMs = Date.now()): Promise<StoreSummary> {
    const [row] = await this.engine.slowQuery<{ tasks: number; oldest: number | null; known: number | null; pending: number | null }>(
      `SELECT COUNT(*) AS tasks, MIN(create_time) AS oldest,
        SUM(CASE WHEN outcome IS NOT NULL THEN 1 ELSE 0 END) AS known,
        SUM(CASE WHEN outcome IS NULL AND status = 'FINISH' AND create_time >= ? THEN 1 ELSE 0 END) AS pending
       FROM vod_tasks`, [nowMs - WINDOW_MS]);
    return {
      tasks: Number(row.tasks),
      oldest: row.oldest === null ? null : isoSeconds(Number(row.oldest)),
      outcomesKnown: Number(row.known ?? 0),
      outcomesPending: Number(row.pending ?? 0),
    };
  }

  close(): Promise<void> {
    return this.engine.close();
  }
}
