import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { DatabaseLocation } from "@/lib/config/database-url";
import { openStore } from "@/lib/store/open-store";
import type { TaskStore } from "@/lib/store/task-store";
import { startPostgres, type PostgresServer } from "./postgres-server";

/** The engines every store test runs against: `describe.each(STORE_ENGINES)`. */
export const STORE_ENGINES = ["sqlite", "postgres"] as const;
export type EngineName = (typeof STORE_ENGINES)[number];

let databases = 0;

/**
 * Registers the hooks a suite needs for one engine (a temporary directory for SQLite files, or a
 * Postgres server of its own) and returns `fresh()`, which gives a new empty database's location
 * each call, and `open()`, which opens a store there and closes it after the test.
 */
export function useStoreEngine(engine: EngineName) {
  let dir = "";
  let server: PostgresServer | undefined;
  const opened: TaskStore[] = [];
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-store-"));
    if (engine === "postgres") server = await startPostgres();
  });
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close().catch(() => undefined)));
  });
  afterAll(() => {
    server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const fresh = async (): Promise<DatabaseLocation> => {
    const name = `t${process.pid}_${++databases}`;
    if (engine === "sqlite") return { engine: "sqlite", path: path.join(dir, `${name}.db`) };
    return { engine: "postgres", url: await server!.database(name), password: undefined };
  };
  const open = async (location?: DatabaseLocation): Promise<TaskStore> => {
    const store = await openStore(location ?? (await fresh()));
    opened.push(store);
    return store;
  };
  return { fresh, open, dir: () => dir };
}
