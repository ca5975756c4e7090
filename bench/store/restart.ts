/**
 * The store figure's fill and restart parts alone, several restarts per fill, without a page build:
 *
 *   npx tsx bench/store/restart.ts [--engines=sqlite,postgres] [--restarts=2] [--tasks-per-hour=14000]
 *
 * One emulator; per engine, one fresh server fills its mirror with write-through to a new store
 * (timed against the budget's floor: tasks ÷ 100 per page ÷ VOD_MAX_RPS), is stopped with SIGTERM,
 * then a new server on the same store is timed from its first /api/stats to complete coverage, as
 * often as asked, with its DescribeTasks calls against the fill's. The servers are the API-only
 * entry (bench/store/api-server.ts): the pages play no part in these figures.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startPostgres } from "@/lib/testing/postgres-server";
import { sharedFloorNote } from "../figures/store";
import { startEmulatorProcess } from "../harness/emulator";
import { measureFill } from "../harness/mirror";
import { sleep, stopAll } from "../harness/processes";
import { startDashboard, type DashboardServer } from "../harness/server";

const MAX_RPS = 90;
const ENTRY = path.join(import.meta.dirname, "api-server.ts");

function arg(name: string, fallback: string): string {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? found.slice(name.length + 3) : fallback;
}

const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

async function storeTasks(server: DashboardServer): Promise<number> {
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as { store?: { tasks: number | null } };
  return health.store?.tasks ?? 0;
}

async function main(): Promise<void> {
  const engines = arg("engines", "sqlite,postgres").split(",");
  const restarts = Number(arg("restarts", "2"));
  const tasksPerHour = Number(arg("tasks-per-hour", "14000"));
  const expected = tasksPerHour * 72;
  const emulator = await startEmulatorProcess({ tasksPerHour });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-bench-restart-"));
  const postgres = engines.includes("postgres") ? await startPostgres() : undefined;
  const lines: string[] = [];
  try {
    for (const engine of engines) {
      const url = engine === "sqlite" ? `sqlite:${path.join(dir, "store.db")}` : await postgres!.database("bench");
      log(`${engine}: fill of about ${expected} tasks with write-through`);
      let server = await startDashboard(emulator, { DATABASE_URL: url }, [], { entry: ENTRY });
      // A machine shared with other work may take well over three times the floor: wait up to ten.
      const fill = await measureFill(server, emulator, expected, MAX_RPS, log, (expected / 100 / MAX_RPS) * 10_000);
      if (!fill) throw new Error("no /api/stats");
      // The health summary is up to a minute old.
      const deadline = Date.now() + 120_000;
      while ((await storeTasks(server)) < fill.tasks * 0.99 && Date.now() < deadline) await sleep(1_000);
      await server.stop();
      const fillLine = `${engine} fill: ${fill.tasks} tasks in ${fill.seconds.toFixed(1)} s, floor ${fill.floorSeconds.toFixed(1)} s: ${(fill.seconds / fill.floorSeconds).toFixed(2)}× the floor; ` +
        `${engine === "postgres" ? `${sharedFloorNote(fill)}; ` : ""}${fill.describeTasks} DescribeTasks, ${fill.limitExceeded} RequestLimitExceeded`;
      log(fillLine);
      lines.push(fillLine);
      for (let i = 1; i <= restarts; i++) {
        server = await startDashboard(emulator, { DATABASE_URL: url }, [], { entry: ENTRY });
        try {
          const restart = await measureFill(server, emulator, expected, MAX_RPS, log);
          if (!restart) throw new Error("no /api/stats");
          const rss = restart.rssBytes === undefined ? "?" : `${Math.round(restart.rssBytes / 1e6)} MB`;
          const line = `${engine} restart ${i}: ${restart.seconds.toFixed(2)} s until complete, ${restart.tasks} tasks, ${restart.describeTasks} DescribeTasks (${((restart.describeTasks / fill.describeTasks) * 100).toFixed(2)}% of the fill's), RSS ${rss}`;
          log(line);
          lines.push(line);
        } finally {
          await server.stop();
        }
      }
    }
  } finally {
    postgres?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    await emulator.stop();
    await stopAll();
  }
  console.log(`\nload average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} on ${os.cpus().length} CPUs`);
  for (const line of lines) console.log(line);
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
