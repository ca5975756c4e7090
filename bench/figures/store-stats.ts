/**
 * /api/stats over 30 days of history: `npm run bench -- --only=store-stats [--history-tasks=10000000]
 * [--window-tasks-per-hour=14000] [--engines=sqlite,postgres]`. Per engine, a store is filled with
 * synthetic tasks spread over the 30 days before upstream's 72 hours (generated in the database,
 * rollups built as after an import), a server (the API-only entry: no page build) starts on it and
 * fills its mirror's window from the emulator, then each view is asked 20 times in a row (after two
 * warm-ups) and the median timed; the server's RSS is read after.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { DatabaseLocation } from "@/lib/config/database-url";
import { openStore } from "@/lib/store/open-store";
import { startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";
import { WINDOW_MS } from "@/lib/vod/wire";
import { startEmulatorProcess, SUBAPP_ID } from "../harness/emulator";
import type { Figure, FigureContext } from "../harness/figure";
import { measureFill } from "../harness/mirror";
import { median, round } from "../harness/numbers";
import { type FigureRow, row, unavailable } from "../harness/report";
import { sleep } from "../harness/processes";
import { startDashboard } from "../harness/server";
import { fillHistory } from "../store/history-fill";

const DAY = 86_400_000;
const MAX_RPS = 90;
const REQUESTS = 20;
const POLL_MS = 60_000;
const MEDIAN_TARGET = { op: "<=" as const, limit: 500 };
const RSS_TARGET = { op: "<=" as const, limit: 500 };
const ENTRY = path.join(import.meta.dirname, "..", "store", "api-server.ts");

/** The views timed: the 30 days, with a status filter, with a subAppId, and one the duration rollups do not hold. */
const VIEWS = [
  ["30 days", "createdAfter=now-30d"],
  ["30 days, status=FINISH", "createdAfter=now-30d&status=FINISH"],
  ["30 days, subAppId", `createdAfter=now-30d&subAppId=${SUBAPP_ID}`],
  ["30 days, type and outcome=failed", "createdAfter=now-30d&type=Transcode&outcome=failed"],
] as const;

function flag(name: string, fallback: number | string): string {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : String(fallback);
}

async function timeView(url: string): Promise<{ medianMs: number; firstMs: number; counted: number; history: number }> {
  const ask = async () => {
    const started = performance.now();
    const response = await fetch(url);
    const body = (await response.json()) as { coverage?: { tasksCounted: number; history?: { tasksCounted: number } } };
    if (!response.ok || !body.coverage) throw new Error(`${url}: ${response.status} ${JSON.stringify(body).slice(0, 200)}`);
    return { ms: performance.now() - started, counted: body.coverage.tasksCounted, history: body.coverage.history?.tasksCounted ?? 0 };
  };
  // The first asks read the view's whole hours from the rollups; later ones, until the rollups change or the hour turns, reuse them.
  const first = await ask();
  await ask();
  const times: number[] = [];
  let last = { counted: 0, history: 0 };
  for (let i = 0; i < REQUESTS; i++) {
    const answer = await ask();
    times.push(answer.ms);
    last = answer;
  }
  return { medianMs: median(times), firstMs: first.ms, ...last };
}

async function runEngine(ctx: FigureContext, engine: "sqlite" | "postgres", location: DatabaseLocation, databaseUrl: string, historyTasks: number, windowPerHour: number,
  emulator: Awaited<ReturnType<typeof startEmulatorProcess>>): Promise<FigureRow[]> {
  const now = Date.now();
  const store = await openStore(location);
  let fill;
  try {
    ctx.log(`${engine}: writing ${historyTasks.toLocaleString("en-US")} tasks of history`);
    fill = await fillHistory(store, { tasks: historyTasks, fromMs: now - 30 * DAY + 3_600_000, toMs: now - WINDOW_MS - 3_600_000, apps: [SUBAPP_ID, SUBAPP_ID + 1], nowMs: now, log: ctx.log });
  } finally {
    await store.close();
  }
  const fillNote = `${historyTasks.toLocaleString("en-US")} tasks written in ${round(fill.insertSeconds, 1)} s, ${fill.hours} hourly rollups built in ${round(fill.rollupSeconds, 1)} s`;
  ctx.log(`${engine}: ${fillNote}`);
  const server = await startDashboard(emulator, { DATABASE_URL: databaseUrl }, [], { entry: ENTRY });
  try {
    const window = await measureFill(server, emulator, windowPerHour * 72, MAX_RPS, ctx.log, (windowPerHour * 72 / 100 / MAX_RPS) * 10_000 + 60_000);
    const rows: FigureRow[] = [];
    for (const [name, query] of VIEWS) {
      // The same filters over upstream's 72 hours first: what the mirror's part costs, read nothing from the store.
      const control = await timeView(`${server.url}/api/stats?${query.replace("now-30d", "now-72h")}`);
      ctx.log(`${engine} ${name}, 72 hours only: median ${round(control.medianMs, 1)} ms (first ${Math.round(control.firstMs)} ms)`);
      const timed = await timeView(`${server.url}/api/stats?${query}`);
      ctx.log(`${engine} ${name}: median ${round(timed.medianMs, 1)} ms (first ${Math.round(timed.firstMs)} ms), ${timed.counted} tasks counted, ${timed.history} of them from the store`);
      rows.push(row("store-stats", `/api/stats ${name} on ${engine}: median of ${REQUESTS}`, round(timed.medianMs, 1), "ms", MEDIAN_TARGET,
        `first request ${Math.round(timed.firstMs)} ms (rollups read); the same over 72 hours: median ${round(control.medianMs, 1)} ms, first ${Math.round(control.firstMs)} ms; ${timed.counted.toLocaleString("en-US")} tasks counted, ${timed.history.toLocaleString("en-US")} from the store; ${fillNote}`));
    }
    const afterRequests = server.rss();
    // As the mirror figure does: RSS after a minute of a page's polling (V8 returns the fill's garbage meanwhile).
    const until = Date.now() + POLL_MS;
    while (Date.now() < until) {
      await (await fetch(`${server.url}/api/stats?${VIEWS[0][1]}`)).arrayBuffer();
      await sleep(250);
    }
    const rss = server.rss();
    const mb = (bytes: number | undefined) => (bytes === undefined ? "?" : String(Math.round(bytes / 1e6)));
    rows.push(row("store-stats", `server RSS on ${engine}, history in the store and a filled window`, rss === undefined ? null : Math.round(rss / 1e6), "MB", RSS_TARGET,
      `${historyTasks.toLocaleString("en-US")} tasks in history, ${window?.tasks.toLocaleString("en-US") ?? "?"} in the mirror's window; after a minute polling the 30-day view; ` +
      `${mb(window?.rssBeforeBytes)} MB before the fill, ${mb(window?.rssBytes)} MB right after it, ${mb(afterRequests)} MB after the timed requests`));
    return rows;
  } finally {
    await server.stop();
  }
}

export const storeStats: Figure = {
  id: "store-stats",
  title: "/api/stats over 30 days of history, and the server's RSS (SQLite, Postgres)",
  async run(ctx) {
    const historyTasks = Number(flag("history-tasks", ctx.quick ? 200_000 : 10_000_000));
    const windowPerHour = Number(flag("window-tasks-per-hour", ctx.quick ? 200 : 14_000));
    const engines = flag("engines", "sqlite,postgres").split(",");
    const emulator = await startEmulatorProcess({ tasksPerHour: windowPerHour });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-bench-store-stats-"));
    let postgres: PostgresServer | undefined;
    const rows: FigureRow[] = [];
    try {
      for (const engine of engines) {
        try {
          if (engine === "sqlite") {
            const file = path.join(dir, "store.db");
            rows.push(...(await runEngine(ctx, "sqlite", { engine: "sqlite", path: file }, `sqlite:${file}`, historyTasks, windowPerHour, emulator)));
            for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
          } else {
            postgres ??= await startPostgres();
            const url = await postgres.database("stats");
            rows.push(...(await runEngine(ctx, "postgres", { engine: "postgres", url, password: undefined }, url, historyTasks, windowPerHour, emulator)));
          }
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          ctx.log(`${engine} failed: ${message}`);
          rows.push(unavailable("store-stats", `/api/stats over 30 days on ${engine}`, "ms", MEDIAN_TARGET, `failed: ${message.split("\n")[0]}`));
        }
      }
      return rows;
    } finally {
      postgres?.stop();
      fs.rmSync(dir, { recursive: true, force: true });
      await emulator.stop();
    }
  },
};
