/**
 * `npm run history -- export [--since ISO] > tasks.ndjson` and `npm run history -- import tasks.ndjson`:
 * move the task store's history between stores (SQLite ⇄ Postgres) or keep a backup. The store is
 * the one DATABASE_URL names, as for the server.
 */
import fs from "node:fs";
import { register } from "node:module";

// The settings module is server-only; this is a server-side tool (see scripts/server.ts).
register("./server-only-hook.mjs", import.meta.url);

const USAGE = "usage: npm run history -- export [--since ISO] > tasks.ndjson | npm run history -- import tasks.ndjson";

async function run(argv: string[]): Promise<number> {
  const { redactProcessOutput } = await import("../lib/log");
  const { openStore } = await import("../lib/store/open-store");
  const { exportHistory, importHistory } = await import("../lib/store/history-transfer");
  const { upstreamTimeMs } = await import("../lib/vod/normalize-task");
  const { dashboardEnv } = await import("../lib/config/dashboard-env");
  redactProcessOutput();
  const [command, ...rest] = argv;
  if (command !== "export" && command !== "import") {
    console.error(USAGE);
    return 64;
  }
  const store = await openStore(dashboardEnv().database);
  try {
    if (command === "export") {
      const sinceIndex = rest.indexOf("--since");
      let since = 0;
      if (sinceIndex >= 0) {
        const parsed = upstreamTimeMs(rest[sinceIndex + 1]);
        if (parsed === null) {
          console.error("--since: must be an ISO 8601 time such as 2026-11-01T00:00:00Z");
          return 64;
        }
        since = parsed;
      }
      const count = await exportHistory(store, process.stdout, since);
      console.error(`exported ${count} tasks`);
    } else {
      if (!rest[0]) {
        console.error(USAGE);
        return 64;
      }
      const input = rest[0] === "-" ? process.stdin : fs.createReadStream(rest[0]);
      const count = await importHistory(store, input);
      console.error(`imported ${count} tasks`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

run(process.argv.slice(2)).then((code) => process.exit(code), (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
