import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { STORE_ENGINES, useStoreEngine } from "@/lib/testing/store-engines";
import { openStore } from "./open-store";

const CHILD = path.resolve(import.meta.dirname, "..", "testing", "store-writer-child.ts");

/** Starts a writer process, lets it commit until `acked` tasks, kills it with SIGKILL mid-write. */
function writeUntilKilled(url: string, acked: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, url], { cwd: path.resolve(import.meta.dirname, "..", ".."), stdio: ["ignore", "pipe", "pipe"] });
    let last = 0;
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      for (const match of chunk.matchAll(/acked (\d+)/g)) last = Math.max(last, Number(match[1]));
      if (last >= acked && !child.killed) child.kill("SIGKILL");
    });
    child.on("exit", (code, signal) => (signal === "SIGKILL" ? resolve(last) : reject(new Error(`writer exited ${code}: ${stderr}`))));
  });
}

describe.each(STORE_ENGINES)("kill -9 while writing to %s", (engine) => {
  const { fresh } = useStoreEngine(engine);

  it("loses no acknowledged write and leaves a store that opens and checks clean", async () => {
    const location = await fresh();
    const url = location.engine === "sqlite" ? `sqlite:${location.path}` : location.url;
    const acked = await writeUntilKilled(url, 20_000);
    const store = await openStore(location);
    try {
      const { tasks } = await store.summary();
      expect(tasks).toBeGreaterThanOrEqual(acked);
      // Whole batches only: a transaction is all or nothing.
      expect(tasks % 500).toBe(0);
      if (engine === "sqlite") expect(await store.engine.query("PRAGMA integrity_check")).toEqual([{ integrity_check: "ok" }]);
      const marks = await store.syncMarks(1);
      expect(marks!.createdUpTo - Date.UTC(2026, 10, 28)).toBe(tasks / 500 - 1);
    } finally {
      await store.close();
    }
  });
});
