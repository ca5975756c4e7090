import fs from "node:fs";
import type { DatabaseLocation } from "@/lib/config/database-url";
import { migrate, StoreRefused } from "./migrations";
import { openPostgres } from "./postgres-engine";
import type { SqlEngine } from "./sql-engine";
import { openSqlite } from "./sqlite-engine";
import { TaskStore } from "./task-store";

const SQLITE_HEADER = "SQLite format 3\0";

/** A file at the SQLite path that is not a SQLite database is refused, never overwritten. */
function checkSqliteFile(file: string): void {
  let header = "";
  try {
    const fd = fs.openSync(file, "r");
    try {
      const buffer = Buffer.alloc(16);
      const read = fs.readSync(fd, buffer, 0, 16, 0);
      if (read === 0) return;
      header = buffer.subarray(0, read).toString("latin1");
    } finally {
      fs.closeSync(fd);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw new StoreRefused(`DATABASE_URL: cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? "error"})`);
  }
  if (header !== SQLITE_HEADER) throw new StoreRefused(`DATABASE_URL: ${file} is not a SQLite database; refusing to touch it`);
}

/** Tables but no ledger of ours: another application's database. */
async function checkNotForeign(engine: SqlEngine, file: string): Promise<void> {
  const tables = await engine.query<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'");
  if (tables.length > 0 && !tables.some((table) => table.name === "vod_schema_migrations")) {
    throw new StoreRefused(`DATABASE_URL: ${file} holds another application's tables; refusing to touch it`);
  }
}

/** Opens the store at `location` and brings its schema up to date. */
export async function openStore(location: DatabaseLocation): Promise<TaskStore> {
  let engine: SqlEngine;
  if (location.engine === "sqlite") {
    checkSqliteFile(location.path);
    try {
      engine = openSqlite(location.path);
    } catch (error) {
      throw new StoreRefused(`DATABASE_URL: cannot open ${location.path} as a SQLite database (${error instanceof Error ? error.message : String(error)})`);
    }
  } else {
    engine = openPostgres(location.url);
  }
  try {
    if (location.engine === "sqlite") await checkNotForeign(engine, location.path);
    await migrate(engine);
  } catch (error) {
    await engine.close().catch(() => undefined);
    const code = (error as { code?: unknown }).code;
    if (location.engine === "sqlite" && typeof code === "string" && /^SQLITE_(CORRUPT|NOTADB)/.test(code)) {
      throw new StoreRefused(`DATABASE_URL: ${location.path} is damaged (${code}); restore it from a backup or move it away`);
    }
    throw error;
  }
  return new TaskStore(engine);
}
