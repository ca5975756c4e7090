// The SQLite store's writer, on a thread of its own (see sqlite-engine.ts): plain JavaScript, so any
// runtime that runs the server (tsx, Vitest) can start it as it is.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const db = new Database(workerData.file);
db.pragma("journal_mode = WAL");
db.pragma("synchronous = NORMAL");
db.pragma("busy_timeout = 5000");
// Upserts by a scrambled TaskId touch pages all over the key's B-tree: keep more of it at hand.
db.pragma(`cache_size = -${workerData.cacheKiB}`);
// Checkpoint less often: a page that several commits touched is copied back into the file once.
db.pragma("wal_autocheckpoint = 10000");

const prepared = new Map();
function prepare(sql) {
  let statement = prepared.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    if (prepared.size > 200) prepared.clear();
    prepared.set(sql, statement);
  }
  return statement;
}

const runAll = db.transaction((statements) => {
  for (const { sql, params = [] } of statements) prepare(sql).run(...params);
});

// A fill keeps the writer busy and its page cache full; once writes pause, the cache's memory goes
// back (a sync's few hundred upserts read their pages again from the OS's cache in milliseconds).
const IDLE_SHRINK_MS = 1_000;
let idle;

parentPort.on("message", (message) => {
  clearTimeout(idle);
  if (message.close) {
    db.close();
    parentPort.close();
    return;
  }
  try {
    if (message.read) {
      // A slow read (a scan of the whole store), here rather than on the server's event loop.
      parentPort.postMessage({ id: message.id, rows: prepare(message.read.sql).all(...(message.read.params ?? [])) });
    } else {
      runAll.immediate(message.statements);
      parentPort.postMessage({ id: message.id });
    }
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: error.message, code: error.code } });
  }
  idle = setTimeout(() => db.pragma("shrink_memory"), IDLE_SHRINK_MS);
  idle.unref();
});
