// Where a restart's load goes, in-process: `npx tsx bench/store/load-probe.ts STORE.db [subAppId]`
// reads the window of a SQLite store as a restart does and places it in a mirror's table.
import Database from "better-sqlite3";
import { OutcomeColumns } from "@/lib/mirror/outcome-columns";
import { placeRows } from "@/lib/mirror/follow-store";
import { TaskColumns } from "@/lib/mirror/task-columns";
import { openStore } from "@/lib/store/open-store";
import type { MirrorRow } from "@/lib/store/task-sql";

process.env.VOD_LOG = "silent";
const file = process.argv[2];
const app = Number(process.argv[3] ?? 1500000001);
const oldest = new Database(file, { readonly: true }).prepare("SELECT MIN(create_time) AS t FROM vod_tasks").get() as { t: number | null };
const from = Number(oldest.t ?? 0);
const store = await openStore({ engine: "sqlite", path: file });
let readMs = 0;
let placeMs = 0;
const table = new TaskColumns();
const outcomes = new OutcomeColumns(table);
const started = performance.now();
let mark = started;
const loaded = await store.loadMirrorWindow(app, from, (rows: MirrorRow[]) => {
  const t = performance.now();
  readMs += t - mark;
  placeRows(table, outcomes, rows);
  mark = performance.now();
  placeMs += mark - t;
});
console.log(JSON.stringify({ loaded, seconds: +((performance.now() - started) / 1000).toFixed(2), readSeconds: +(readMs / 1000).toFixed(2), placeSeconds: +(placeMs / 1000).toFixed(2), count: table.count }));
await store.close();
