import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { paceFor } from "@/lib/replicas/shared-rate-limit";
import { startPostgres } from "@/lib/testing/postgres-server";
import { startEmulatorProcess, type EmulatorProcess } from "../harness/emulator";
import type { Figure, FigureContext } from "../harness/figure";
import { type FillResult, measureFill } from "../harness/mirror";
import { round } from "../harness/numbers";
import { sleep } from "../harness/processes";
import { type FigureRow, row, unavailable } from "../harness/report";
import { ensureBuild, startDashboard, type DashboardServer } from "../harness/server";

const MAX_RPS = 90;
const SLOWDOWN_TARGET = { op: "<=" as const, limit: 1.1 };
/** The target for a fill with the store on: against the budget's floor (tasks ÷ 100 a page ÷ VOD_MAX_RPS). */
const FLOOR_TARGET = { op: "<=" as const, limit: 1.15 };
const RESTART_SECONDS_TARGET = { op: "<=" as const, limit: 10 };
const RESTART_CALLS_TARGET = { op: "<=" as const, limit: 5 };
/** A store that cannot be reached: the server runs from memory, as before the store existed. */
const NO_STORE = "postgres://vod@127.0.0.1:1/unreachable";

/**
 * On Postgres the upstream budget is the replicas' shared one (lib/replicas/), which by design
 * sustains less than VOD_MAX_RPS: the fill against that budget's own floor, as well.
 */
export function sharedFloorNote(fill: FillResult): string {
  const perSecond = Math.round(1e8 / paceFor(MAX_RPS).intervalUs) / 100;
  const floor = fill.tasks / 100 / perSecond;
  return `${round(fill.seconds / floor, 3)}× the floor of the replicas' shared budget (${perSecond} requests/s, ${round(floor, 1)} s)`;
}

async function storeTasks(server: DashboardServer): Promise<number> {
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as { store?: { tasks: number | null } };
  return health.store?.tasks ?? 0;
}

/** Fills a fresh server's mirror, then (with a store) waits until the store holds what it read. */
async function fillOnce(ctx: FigureContext, emulator: EmulatorProcess, expected: number, databaseUrl: string): Promise<FillResult> {
  const server = await startDashboard(emulator, { DATABASE_URL: databaseUrl });
  try {
    const fill = await measureFill(server, emulator, expected, MAX_RPS, ctx.log);
    if (!fill) throw new Error("the server has no /api/stats");
    if (databaseUrl !== NO_STORE) {
      // The health summary is up to a minute old; the write-behind queue is a quarter second behind.
      const deadline = Date.now() + 120_000;
      while ((await storeTasks(server)) < fill.tasks * 0.99 && Date.now() < deadline) await sleep(1_000);
    }
    return fill;
  } finally {
    await server.stop();
  }
}

function restartRows(engine: string, fill: FillResult, restart: FillResult, storedBefore: number): FigureRow[] {
  const share = (restart.describeTasks / fill.describeTasks) * 100;
  const note = `${restart.tasks} tasks; ${storedBefore} in the store at the start; ${restart.describeTasks} DescribeTasks against the fill's ${fill.describeTasks}`;
  return [
    row("store-restart", `restart on ${engine}: seconds until coverage.complete`, round(restart.seconds, 2), "s", RESTART_SECONDS_TARGET, note),
    row("store-restart", `restart on ${engine}: upstream calls ÷ a fresh fill's`, round(share, 2), "%", RESTART_CALLS_TARGET, note),
  ];
}

/** Fill with the store, stop, start a new server on the same store and time its catch-up. */
async function fillAndRestart(ctx: FigureContext, emulator: EmulatorProcess, expected: number, engine: string, databaseUrl: string, baseline: FillResult): Promise<FigureRow[]> {
  ctx.log(`fill with write-through to ${engine}`);
  const fill = await fillOnce(ctx, emulator, expected, databaseUrl);
  const rows = [row("store-fill", `fill with write-through to ${engine} ÷ without`, round(fill.seconds / baseline.seconds, 3), "×", SLOWDOWN_TARGET,
    `${fill.tasks} tasks in ${round(fill.seconds, 1)} s with the store, ${baseline.tasks} in ${round(baseline.seconds, 1)} s without (floor ${round(fill.floorSeconds, 1)} s)`),
  row("store-fill", `fill with write-through to ${engine} ÷ the budget's floor`, round(fill.seconds / fill.floorSeconds, 3), "×", FLOOR_TARGET,
    `${fill.tasks} tasks in ${round(fill.seconds, 1)} s, floor ${round(fill.floorSeconds, 1)} s; without the store ${round(baseline.seconds / baseline.floorSeconds, 3)}× its floor` +
    (engine === "postgres" ? `; ${sharedFloorNote(fill)}` : ""))];
  ctx.log(`restart on ${engine}`);
  const server = await startDashboard(emulator, { DATABASE_URL: databaseUrl });
  try {
    const storedBefore = await storeTasks(server);
    const restart = await measureFill(server, emulator, expected, MAX_RPS, ctx.log);
    if (!restart) throw new Error("the server has no /api/stats");
    rows.push(...restartRows(engine, fill, restart, storedBefore));
  } finally {
    await server.stop();
  }
  return rows;
}

export const store: Figure = {
  id: "store",
  title: "task store: fill with and without write-through, restart from the store (SQLite, Postgres)",
  async run(ctx) {
    ensureBuild(ctx.log);
    const tasksPerHour = ctx.quick ? 1_400 : 14_000;
    const expected = tasksPerHour * 72;
    const emulator = await startEmulatorProcess({ tasksPerHour });
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-bench-store-"));
    const postgres = await startPostgres();
    try {
      ctx.log(`fill of ${expected} tasks without a store`);
      const baseline = await fillOnce(ctx, emulator, expected, NO_STORE);
      const rows: FigureRow[] = [];
      for (const [engine, url] of [["sqlite", `sqlite:${path.join(dir, "store.db")}`], ["postgres", await postgres.database("bench")]] as const) {
        // One engine's failure still leaves the other's figures.
        try {
          rows.push(...(await fillAndRestart(ctx, emulator, expected, engine, url, baseline)));
        } catch (error) {
          const message = error instanceof Error ? error.message : String(error);
          ctx.log(`${engine} failed: ${message}`);
          rows.push(unavailable("store-fill", `fill and restart on ${engine}`, "×", SLOWDOWN_TARGET, `failed: ${message.split("\n")[0]}`));
        }
      }
      return rows;
    } finally {
      postgres.stop();
      fs.rmSync(dir, { recursive: true, force: true });
      await emulator.stop();
    }
  },
};
