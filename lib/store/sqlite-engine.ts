import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import type { SqlEngine, SqlValue, Statement } from "./sql-engine";

/**
 * The embedded engine: one better-sqlite3 connection in WAL mode. A transaction is committed to
 * the write-ahead log before it resolves, so a killed process loses nothing acknowledged and
 * leaves nothing half-written; synchronous=NORMAL trades only a power cut's last commits for speed.
 */
export function openSqlite(file: string): SqlEngine {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("busy_timeout = 5000");
  } catch (error) {
    db.close();
    throw error;
  }
  const prepared = new Map<string, Database.Statement>();
  const prepare = (sql: string) => {
    let statement = prepared.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      // A handful of shapes in practice; bounded in case a caller varies its SQL.
      if (prepared.size > 200) prepared.clear();
      prepared.set(sql, statement);
    }
    return statement;
  };
  const runAll = db.transaction((statements: readonly Statement[]) => {
    for (const { sql, params = [] } of statements) prepare(sql).run(...(params as SqlValue[]));
  });
  return {
    kind: "sqlite",
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      return prepare(sql).all(...(params as SqlValue[])) as Row[];
    },
    async transaction(statements) {
      runAll.immediate(statements);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
