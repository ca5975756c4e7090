import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { openStore } from "@/lib/store/open-store";
import type { TaskRow } from "@/lib/store/task-row";

const ROOT = path.resolve(import.meta.dirname, "..");
const T0 = Date.UTC(2026, 10, 28, 12);

/** `npm run history -- …` as a team runs it: its own process, the store DATABASE_URL names. */
function history(databaseUrl: string, args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl, VOD_LOG: "silent" };
  delete env.NODE_OPTIONS;
  return spawnSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "history.ts"), ...args], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
}

describe("npm run history and scripts on a SQLite store", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-history-cli-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("exports and imports in processes that exit 0 once the store is closed", async () => {
    const from = path.join(dir, "from.db");
    const store = await openStore({ engine: "sqlite", path: from });
    const row = (taskId: string, minutes: number): TaskRow => ({
      taskId, subAppId: 1500000001, taskType: "Procedure", status: "FINISH", fileId: "f", createTime: T0 + minutes * 60_000, beginTime: T0 + minutes * 60_000,
      finishTime: T0 + minutes * 60_000 + 5_000, sessionId: "", sessionContext: "", outcome: "failed", errorCode: "70000", message: "bad input",
    });
    await store.write([row("a", 0), row("b", 1)]);
    await store.close();

    const exported = history(`sqlite:${from}`, ["export"]);
    expect(exported.stderr).toContain("exported 2 tasks");
    expect(exported.status).toBe(0);
    const file = path.join(dir, "tasks.ndjson");
    fs.writeFileSync(file, exported.stdout);

    const to = path.join(dir, "to.db");
    const imported = history(`sqlite:${to}`, ["import", file]);
    expect(imported.stderr).toContain("imported 2 tasks");
    expect(imported.status).toBe(0);
    const copy = await openStore({ engine: "sqlite", path: to });
    try {
      expect(await copy.task("b")).toMatchObject({ outcome: "failed", errorCode: "70000", createTime: T0 + 60_000 });
    } finally {
      await copy.close();
    }
  });

  it("closes a SQLite store in a process with nothing else to wait for, and goes on after", () => {
    // The close waited on a worker thread the process did not wait for: such a process ended with
    // code 13 in the middle of the close, before anything after it ran.
    const script = `const { openStore } = await import(${JSON.stringify(path.join(ROOT, "lib", "store", "open-store.ts"))});
      const store = await openStore({ engine: "sqlite", path: ${JSON.stringify(path.join(dir, "bare.db"))} });
      await store.close();
      console.log("after the close");`;
    const file = path.join(dir, "close.mts");
    fs.writeFileSync(file, script);
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.NODE_OPTIONS;
    const run = spawnSync(process.execPath, ["--import", "tsx", file], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
    expect(run.stdout).toContain("after the close");
    expect(run.status).toBe(0);
  });
});
