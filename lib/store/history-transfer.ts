import readline from "node:readline";
import type { Readable, Writable } from "node:stream";
import { once } from "node:events";
import { historyRecord, rowFromHistoryLine } from "./history-file";
import { mergeRows, type TaskRow } from "./task-row";
import { WINDOW_MS } from "@/lib/vod/wire";
import type { TaskStore } from "./task-store";

/** Writes every task created since `sinceMs` as NDJSON, oldest first, one batch in memory at a time. */
export async function exportHistory(store: TaskStore, out: Writable, sinceMs = 0): Promise<number> {
  return store.scanAll(sinceMs, async (rows) => {
    const text = rows.map((row) => JSON.stringify(historyRecord(row))).join("\n") + "\n";
    if (!out.write(text)) await once(out, "drain");
  });
}

/**
 * Reads an export into the store, a transaction per batch. Idempotent: a TaskId already stored is
 * updated (its status only forward, its outcome kept), never duplicated. A bad line stops the
 * import with its number; the batches before it are in, so a corrected file can simply be rerun.
 */
export async function importHistory(store: TaskStore, input: Readable, batchSize = 2_000): Promise<number> {
  let batch = new Map<string, TaskRow>();
  let imported = 0;
  let lineNo = 0;
  const flush = async () => {
    await store.write([...batch.values()]);
    imported += batch.size;
    batch = new Map();
  };
  for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
    lineNo++;
    if (line.trim() === "") continue;
    let row: TaskRow;
    try {
      row = rowFromHistoryLine(line);
    } catch (error) {
      throw new Error(`line ${lineNo}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const known = batch.get(row.taskId);
    batch.set(row.taskId, known ? mergeRows(known, row) : row);
    if (batch.size >= batchSize) await flush();
  }
  if (batch.size > 0) await flush();
  // The hours imported are dirty: their rollups are recomputed now, not at the first view that reads them.
  await store.refreshRollups(Date.now() - WINDOW_MS);
  return imported;
}
