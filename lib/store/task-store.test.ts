import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STORE_ENGINES, useStoreEngine } from "@/lib/testing/store-engines";
import { migrate, MIGRATIONS, SCHEMA_VERSION } from "./migrations";
import { openStore } from "./open-store";
import type { TaskRow } from "./task-row";

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);

function row(taskId: string, fields: Partial<TaskRow> = {}): TaskRow {
  return {
    taskId, subAppId: 1500000001, taskType: "Procedure", status: "WAITING", fileId: "file-1", createTime: T0, beginTime: null, finishTime: null,
    sessionId: "s", sessionContext: "c", outcome: null, errorCode: null, message: null, ...fields,
  };
}

describe.each(STORE_ENGINES)("the task store on %s", (engine) => {
  const { open, fresh } = useStoreEngine(engine);

  it("migrates a new database once, and again is a no-op", async () => {
    const location = await fresh();
    const store = await open(location);
    expect(store.kind).toBe(engine);
    expect(await migrate(store.engine)).toBe(SCHEMA_VERSION);
    const ledger = await store.engine.query<{ version: number }>("SELECT version FROM vod_schema_migrations");
    expect(ledger.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
    await store.close();
    const again = await open(location);
    expect((await again.summary()).tasks).toBe(0);
  });

  it("migrates once when several processes open a new database at the same time (replicas starting together)", async () => {
    const location = await fresh();
    const stores = await Promise.all([open(location), open(location), open(location)]);
    const ledger = await stores[0].engine.query<{ version: number }>("SELECT version FROM vod_schema_migrations ORDER BY version");
    expect(ledger.map((r) => Number(r.version))).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it("upserts by TaskId: no duplicates, the status only moves forward, times only fill in", async () => {
    const store = await open();
    await store.write([row("a"), row("b")]);
    await store.write([row("a", { status: "FINISH", beginTime: T0 + 1_000, finishTime: T0 + 2_000 })]);
    await store.write([row("a", { status: "PROCESSING", beginTime: null, sessionId: "" })]);
    expect(await store.task("a")).toMatchObject({ status: "FINISH", beginTime: T0 + 1_000, finishTime: T0 + 2_000, sessionId: "s", outcome: null });
    expect((await store.summary()).tasks).toBe(2);
  });

  it("writes every value as read, quotes, braces, commas, backslashes and NULL included, in writes of many rows", async () => {
    const store = await open();
    const odd = ['say "hi"', "{a,b}", "back\\slash", "comma, and space", "NULL", "", "line\nbreak", "日本語 ✓"];
    const rows = odd.map((text, i) => row(`odd-${i}`, {
      fileId: text, taskType: text || "Procedure", status: "FINISH", beginTime: T0 + i, finishTime: T0 + 1_000 + i,
      outcome: "failed", errorCode: text || null, message: text, sessionContext: text,
    }));
    // More rows than one statement holds on either engine (200 on SQLite, 5,000 on Postgres).
    const many = Array.from({ length: 5_300 }, (_, i) => row(`many-${i}`, { createTime: T0 + i }));
    await store.write([...rows, ...many]);
    for (const [i, text] of odd.entries()) {
      expect(await store.task(`odd-${i}`)).toMatchObject({ fileId: text, message: text, sessionContext: text, errorCode: text || null, beginTime: T0 + i });
    }
    expect(await store.task("many-5299")).toMatchObject({ createTime: T0 + 5_299, beginTime: null, outcome: null });
    expect((await store.summary()).tasks).toBe(odd.length + many.length);
  });

  it("answers a slow read (the summary's scan) and reports its errors", async () => {
    const store = await open();
    await store.write([row("a"), row("b", { status: "FINISH", finishTime: T0 + 1 })]);
    const [counted] = await store.engine.slowQuery<{ n: number }>("SELECT COUNT(*) AS n FROM vod_tasks WHERE create_time >= ?", [T0]);
    expect(Number(counted.n)).toBe(2);
    await expect(store.engine.slowQuery("SELECT x FROM no_such_table")).rejects.toThrow(/no_such_table/);
    // The engine goes on after a failed read.
    expect(await store.engine.slowQuery("SELECT 1 AS one")).toEqual([{ one: 1 }]);
  });

  it("keeps an outcome with its task, and a later reading without one does not erase it", async () => {
    const store = await open();
    await store.write([row("a", { status: "FINISH", finishTime: T0 + 5_000, outcome: "failed", errorCode: "70000", message: "boom" })]);
    await store.write([row("a", { status: "FINISH", finishTime: T0 + 5_000 }), row("b", { status: "FINISH", finishTime: T0 })]);
    expect(await store.task("a")).toMatchObject({ outcome: "failed", errorCode: "70000", message: "boom" });
    expect(await store.summary(T0 + 60_000)).toMatchObject({ tasks: 2, outcomesKnown: 1, outcomesPending: 1, oldest: "2026-11-28T12:00:00Z" });
    // Past upstream's 72 hours an unknown outcome can no longer be looked up: it is not pending.
    expect(await store.summary(T0 + 73 * 3_600_000)).toMatchObject({ outcomesKnown: 1, outcomesPending: 0 });
  });

  it("keeps sync marks per application, written with the tasks they vouch for", async () => {
    const store = await open();
    expect(await store.syncMarks(1500000001)).toBeUndefined();
    await store.write([row("a")], new Map([[1500000001, { createdUpTo: T0, finishedSince: T0 - 1 }]]));
    await store.write([], new Map([[1500000001, { createdUpTo: T0 + 5, finishedSince: T0 + 4 }], [0, { createdUpTo: 1, finishedSince: 2 }]]));
    expect(await store.syncMarks(1500000001)).toEqual({ createdUpTo: T0 + 5, finishedSince: T0 + 4 });
    expect(await store.syncMarks(undefined)).toEqual({ createdUpTo: 1, finishedSince: 2 });
  });

  it("keeps the first value of a setting (a generated secret survives restarts)", async () => {
    const location = await fresh();
    const store = await open(location);
    expect(await store.keepSetting("dashboard_secret", "first")).toBe("first");
    await store.close();
    expect(await (await open(location)).keepSetting("dashboard_secret", "second")).toBe("first");
  });

  it("loads one application's window oldest first, in batches, across equal CreateTimes", async () => {
    const store = await open();
    const rows = Array.from({ length: 450 }, (_, i) => row(`t${String(i).padStart(4, "0")}`, { createTime: T0 + Math.floor(i / 7) * 1_000 }));
    await store.write([...rows, row("other", { subAppId: 1500000002 }), row("old", { createTime: T0 - 10_000 })]);
    const batches: number[] = [];
    const seen: string[] = [];
    const loaded = await store.loadWindow(1500000001, T0, (batch) => {
      batches.push(batch.length);
      seen.push(...batch.map((r) => r.taskId));
    }, 100);
    expect(loaded).toBe(450);
    expect(batches).toEqual([100, 100, 100, 100, 50]);
    expect(seen).toEqual(rows.map((r) => r.taskId));
  });

  it("loads a mirror's window as compact rows: its columns as numbers and nulls, oldest first, in batches", async () => {
    const store = await open();
    const rows = Array.from({ length: 250 }, (_, i) => row(`t${String(i).padStart(4, "0")}`, { createTime: T0 + Math.floor(i / 7) * 1_000 }));
    rows[3] = { ...rows[3], status: "FINISH", beginTime: T0 + 5_000, finishTime: T0 + 9_000, outcome: "failed", errorCode: "E1", message: "broken" };
    await store.write([...rows, row("other", { subAppId: 1500000002 }), row("old", { createTime: T0 - 10_000 })]);
    const batches: number[] = [];
    const seen: unknown[][] = [];
    const loaded = await store.loadMirrorWindow(1500000001, T0, (batch) => {
      batches.push(batch.length);
      seen.push(...batch);
    }, 100);
    expect(loaded).toBe(250);
    expect(batches).toEqual([100, 100, 50]);
    expect(seen.map((r) => r[0])).toEqual(rows.map((r) => r.taskId));
    expect(seen[0]).toEqual(["t0000", "Procedure", "WAITING", "file-1", T0, null, null, null, null, null]);
    expect(seen[3]).toEqual(["t0003", "Procedure", "FINISH", "file-1", T0, T0 + 5_000, T0 + 9_000, "failed", "E1", "broken"]);
  });

  it("removes what is older than the retention in small batches", async () => {
    const store = await open();
    await store.write(Array.from({ length: 25 }, (_, i) => row(`t${i}`, { createTime: T0 + i * 1_000 })));
    const removed: number[] = [];
    for (let n = await store.removeCreatedBefore(T0 + 20_000, 8); n > 0; n = await store.removeCreatedBefore(T0 + 20_000, 8)) removed.push(n);
    expect(removed).toEqual([8, 8, 4]);
    expect(await store.summary()).toMatchObject({ tasks: 5, oldest: "2026-11-28T12:00:20Z" });
  });

  it("writes a transaction all or nothing", async () => {
    const store = await open();
    await expect(store.engine.transaction([
      { sql: "INSERT INTO vod_settings (name, value) VALUES (?, ?)", params: ["x", "1"] },
      { sql: "INSERT INTO vod_settings (name, value) VALUES (?, ?)", params: ["x", "2"] },
    ])).rejects.toThrow();
    expect(await store.engine.query("SELECT * FROM vod_settings")).toEqual([]);
  });
});

describe("the SQLite file", () => {
  const { dir } = useStoreEngine("sqlite");

  it("refuses a file that is not a SQLite database, naming DATABASE_URL, and leaves it as it was", async () => {
    const file = path.join(dir(), "notes.db");
    fs.writeFileSync(file, "my precious notes, not a database");
    await expect(openStore({ engine: "sqlite", path: file })).rejects.toThrow(/^DATABASE_URL: .* is not a SQLite database/);
    expect(fs.readFileSync(file, "utf8")).toBe("my precious notes, not a database");
  });

  it("refuses another application's SQLite database", async () => {
    const file = path.join(dir(), "foreign.db");
    const { default: Database } = await import("better-sqlite3");
    const db = new Database(file);
    db.exec("CREATE TABLE invoices (id INTEGER PRIMARY KEY)");
    db.close();
    await expect(openStore({ engine: "sqlite", path: file })).rejects.toThrow(/^DATABASE_URL: .*another application's tables/);
  });

  it("refuses a store written by a newer version", async () => {
    const file = path.join(dir(), "newer.db");
    const store = await openStore({ engine: "sqlite", path: file });
    await store.engine.transaction([{ sql: "INSERT INTO vod_schema_migrations (version, name, applied_at) VALUES (99, 'future', 0)" }]);
    await store.close();
    await expect(openStore({ engine: "sqlite", path: file })).rejects.toThrow(/^DATABASE_URL: .*newer/);
  });

  it("creates the file's folder and runs in WAL mode", async () => {
    const file = path.join(dir(), "nested", "deeper", "store.db");
    const store = await openStore({ engine: "sqlite", path: file });
    expect(await store.engine.query("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    await store.close();
  });
});
