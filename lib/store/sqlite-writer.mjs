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

parentPort.on("message", (message) => {
  if (message.close) {
    db.close();
    parentPort.close();
    return;
  }
  try {
    runAll.immediate(message.statements);
    parentPort.postMessage({ id: message.id });
  } catch (error) {
    parentPort.postMessage({ id: message.id, error: { message: error.message, code: error.code } });
  }
});
