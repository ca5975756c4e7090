// The store's part of /api/stats over 30 days, cold, in-process (no server, no mirror):
//
//   npx tsx bench/store/history-read.ts STORE.db [--fill=10000000]
//
// With --fill, first writes that many synthetic tasks of history into a new SQLite file at STORE.db
// (bench/store/history-fill.ts, the store-stats figure's history, its rollups built). Then, on a
// fresh connection each time, counts three views' history part (historyGroups, as /api/stats
// does), and times the rollups' two queries alone: the counts and the durations.
import fs from "node:fs";
import { historyGroups } from "@/lib/store/history-stats";
import { openStore } from "@/lib/store/open-store";
import { countGroupsQuery, durationGroupsQuery, ROLLUPS } from "@/lib/store/stats-groups";
import { WINDOW_MS } from "@/lib/vod/wire";
import { fillHistory } from "./history-fill";

process.env.VOD_LOG = "silent";
const DAY = 86_400_000;
const HOUR = 3_600_000;
const APP = 1500000001;
const file = process.argv[2];
const fill = Number(process.argv.find((a) => a.startsWith("--fill="))?.slice(7) ?? 0);
if (!file) throw new Error("usage: npx tsx bench/store/history-read.ts STORE.db [--fill=10000000]");
const now = Date.now();

if (fill > 0) {
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  const store = await openStore({ engine: "sqlite", path: file });
  const result = await fillHistory(store, { tasks: fill, fromMs: now - 30 * DAY + HOUR, toMs: now - WINDOW_MS - HOUR, apps: [APP, APP + 1], nowMs: now, log: console.log });
  console.log(JSON.stringify({ filled: fill, ...result }));
  await store.close();
}

const ms = (since: number) => Math.round(performance.now() - since);
const views: [string, Record<string, string>][] = [["30 days", {}], ["status=FINISH", { status: "FINISH" }], ["type=Transcode&outcome=failed", { type: "Transcode", outcome: "failed" }]];
for (const [name, extra] of views) {
  // A fresh connection per view: nothing of the rollups kept from the one before.
  const store = await openStore({ engine: "sqlite", path: file });
  const filter = { subAppId: APP, created: { after: now - 30 * DAY, before: now - WINDOW_MS }, finished: {}, ...extra };
  const started = performance.now();
  const groups = await historyGroups(store.engine, filter, 8 * HOUR);
  console.log(JSON.stringify({ view: name, coldMs: ms(started), countGroups: groups.counts.length, durationGroups: groups.durations.length }));
  await store.close();
}
const store = await openStore({ engine: "sqlite", path: file });
const where = { clauses: ["sub_app_id = ?", "hour >= ?", "hour < ?"], params: [APP, now - 30 * DAY, now - WINDOW_MS] };
const counts = countGroupsQuery(ROLLUPS, where, 8 * HOUR);
let started = performance.now();
await store.engine.query(counts.sql, counts.params);
const countsMs = ms(started);
const durations = durationGroupsQuery(ROLLUPS, where);
started = performance.now();
await store.engine.query(durations.sql, durations.params);
console.log(JSON.stringify({ rollupCountsMs: countsMs, rollupDurationsMs: ms(started) }));
await store.close();
