// How fast the store takes readings through the writer, per engine: the cost write-through adds
// to a fill, in the process's own time. `npx tsx bench/store/write-throughput.ts [rows]`
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openStore } from "@/lib/store/open-store";
import { storeRecorder } from "@/lib/store/store-recorder";
import { StoreWriter } from "@/lib/store/store-writer";
import { startPostgres } from "@/lib/testing/postgres-server";
import type { UpstreamTask } from "@/lib/vod/response-shapes";

process.env.VOD_LOG = "silent";
const rows = Number(process.argv[2] ?? 200_000);
const T0 = Date.UTC(2026, 10, 28);
const scramble = (n: number) => (Math.imul(n, 0x9e3779b1) >>> 0) * 16 + (n % 16);
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
// Pages of 100 as upstream sends them, each task written twice (read by the fill, then ended by a sync).
const page = (start: number, finished: boolean): UpstreamTask[] => Array.from({ length: 100 }, (_, i) => ({
  // Scrambled like upstream's (and the emulator's) TaskIds, so the primary key is written out of order.
  TaskId: `1500000001-procedure-${scramble(start + i).toString(16).padStart(12, "0")}`, TaskType: "Procedure", Status: finished ? "FINISH" : "PROCESSING",
  FileId: `52858907988${(start + i) % 5000}`, CreateTime: iso(T0 + (start + i) * 250), BeginProcessTime: iso(T0 + (start + i) * 250 + 5_000),
  FinishTime: finished ? iso(T0 + (start + i) * 250 + 60_000) : "0001-01-01T00:00:00Z", SessionId: "", SessionContext: "",
}));

async function measure(label: string, location: Parameters<typeof openStore>[0]) {
  const store = await openStore(location);
  const writer = new StoreWriter(store);
  const recorder = storeRecorder(writer);
  const cpu = process.cpuUsage();
  const started = performance.now();
  for (const finished of [false, true]) {
    for (let start = 0; start < rows; start += 100) {
      recorder.tasks(1500000001, page(start, finished));
      // As pages arrive: the event loop turns between them, so the writer's timer and flushes run.
      if (start % 2_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await writer.drain();
  const seconds = (performance.now() - started) / 1_000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const { tasks } = await store.summary();
  console.log(JSON.stringify({ engine: label, readings: rows * 2, tasks, seconds: +seconds.toFixed(2), readingsPerSecond: Math.round((rows * 2) / seconds),
    processCpuMicrosPerReading: +((cpuSeconds * 1e6) / (rows * 2)).toFixed(2) }));
  await store.close();
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-write-"));
try {
  await measure("sqlite", { engine: "sqlite", path: path.join(dir, "bench.db") });
  if (process.env.ONLY_SQLITE) process.exit(0);
  const server = await startPostgres();
  try {
    await measure("postgres", { engine: "postgres", url: server.url, password: undefined });
  } finally {
    server.stop();
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
