import fs from "node:fs";
import path from "node:path";
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";
import type { SqlEngine, SqlValue, Statement } from "./sql-engine";

/** The writer's page cache: enough of a million tasks' key index that an upsert rarely waits on a read. */
const WRITER_CACHE_KIB = 32 * 1024;

type Reply = { id: number; rows?: unknown[]; error?: { message: string; code?: string } };

/**
 * The embedded engine, in WAL mode: reads on this thread's connection, writes on a second one in a
 * worker thread, so a fill's upserts (B-tree work in C, tens of microseconds a task) run beside
 * the server rather than in its event loop, and readers never wait for a writer. A transaction is
 * committed to the write-ahead log before it resolves, so a killed process loses nothing
 * acknowledged and leaves nothing half-written; synchronous=NORMAL risks only a power cut's last
 * commits, for speed. Reads that scan the whole store (slowQuery) run on the writer's thread too,
 * between transactions: on this thread they would hold up every request for seconds.
 */
export function openSqlite(file: string): SqlEngine {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 5000");
  } catch (error) {
    db.close();
    throw error;
  }
  const cache = (raw: boolean) => {
    const prepared = new Map<string, Database.Statement>();
    return (sql: string) => {
      let statement = prepared.get(sql);
      if (!statement) {
        statement = db.prepare(sql);
        if (raw) statement.raw(true);
        if (prepared.size > 200) prepared.clear();
        prepared.set(sql, statement);
      }
      return statement;
    };
  };
  const prepare = cache(false);
  /** Statements whose rows come as arrays (better-sqlite3's raw mode). */
  const prepareArrays = cache(true);

  const writer = new Worker(new URL("./sqlite-writer.mjs", import.meta.url), { workerData: { file, cacheKiB: WRITER_CACHE_KIB } });
  const waiting = new Map<number, { resolve: (rows: unknown[] | undefined) => void; reject: (error: Error) => void }>();
  let next = 0;
  let broken: Error | undefined;
  // Only a write in flight keeps the process alive.
  writer.unref();
  const settle = () => (waiting.size === 0 ? writer.unref() : writer.ref());
  writer.on("message", ({ id, rows, error }: Reply) => {
    const call = waiting.get(id);
    waiting.delete(id);
    settle();
    if (!call) return;
    if (!error) return call.resolve(rows);
    call.reject(Object.assign(new Error(error.message), { code: error.code }));
  });
  const fail = (error: Error) => {
    broken = error;
    for (const call of waiting.values()) call.reject(error);
    waiting.clear();
  };
  writer.on("error", fail);
  writer.on("exit", () => fail(broken ?? new Error("the SQLite writer stopped")));

  /** A message for the writer's thread, handled in order; resolves with its rows, if a read. */
  const toWriter = (message: { statements: readonly Statement[] } | { read: Statement }) => {
    if (broken) return Promise.reject(broken);
    return new Promise<unknown[] | undefined>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve, reject });
      settle();
      writer.postMessage({ id, ...message });
    });
  };

  return {
    kind: "sqlite",
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all(...(params as SqlValue[])) as Row[];
    },
    async queryArrays(sql: string, params: readonly SqlValue[] = []) {
      return prepareArrays(sql).all(...(params as SqlValue[])) as SqlValue[][];
    },
    async transaction(statements: readonly Statement[]) {
      await toWriter({ statements });
    },
    async slowQuery<Row>(sql: string, params: readonly SqlValue[] = []) {
      return ((await toWriter({ read: { sql, params } })) ?? []) as Row[];
    },
    async close() {
      if (!broken) {
        // Messages are handled in order: what was sent before is committed before it closes.
        const exited = new Promise((resolve) => writer.once("exit", resolve));
        // Held until the writer has closed the file: an unreferenced worker would let a script's
        // process end while it awaits this (exit code 13, the close unfinished).
        writer.ref();
        writer.postMessage({ close: true });
        await exited;
      }
      if (db.open) db.close();
    },
  };
}
