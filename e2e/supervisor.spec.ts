import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { freePort } from "./support/server-process";

// `npm start` keeps the dashboard up: a child that dies (an out-of-memory abort looks the same from
// outside as this kill -9) is started again and the event is logged, while the others keep running.

const ROOT = path.resolve(import.meta.dirname, "..");

/** The pid of the child of `parent` whose command line runs `script`, if there is one. */
function childRunning(parent: number, script: string): number | undefined {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (ppid === parent && readFileSync(`/proc/${entry}/cmdline`, "utf8").includes(script)) return Number(entry);
    } catch {
      // exited meanwhile
    }
  }
  return undefined;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

test("a dashboard or emulator killed with SIGKILL is started again, and the restart is logged", async () => {
  test.setTimeout(120_000);
  const [port, emulatorPort] = [await freePort(), await freePort()];
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (/^(TENCENTCLOUD_|VOD_|DASHBOARD_|DATABASE_URL|PORT$|HOST$)/.test(name)) delete env[name];
  const launcher = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", "start.ts")], {
    cwd: ROOT,
    env: { ...env, PORT: String(port), VOD_EMULATOR_PORT: String(emulatorPort), VOD_LOG: "silent", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  launcher.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const health = `http://127.0.0.1:${port}/api/health`;
  try {
    await expect.poll(() => answers(health), { timeout: 90_000 }).toBe(true);

    const dashboard = childRunning(launcher.pid!, "scripts/server.ts");
    expect(dashboard).toBeDefined();
    process.kill(dashboard!, "SIGKILL");
    await expect.poll(() => answers(health), { timeout: 5_000 }).toBe(false);
    await expect.poll(() => answers(health), { timeout: 60_000 }).toBe(true);
    expect(childRunning(launcher.pid!, "scripts/server.ts")).not.toBe(dashboard);
    const restart = output.split("\n").find((line) => line.includes("child exited; restarting"));
    expect(JSON.parse(restart!)).toMatchObject({ level: "error", child: "dashboard", signal: "SIGKILL", restartInMs: 1_000 });

    const emulator = childRunning(launcher.pid!, "lib/emulator/main.ts");
    process.kill(emulator!, "SIGKILL");
    await expect.poll(() => answers(`http://127.0.0.1:${emulatorPort}/__emulator/stats`), { timeout: 60_000 }).toBe(true);
    expect(childRunning(launcher.pid!, "lib/emulator/main.ts")).not.toBe(emulator);
    // The dashboard kept running through the emulator's restart.
    expect(await answers(health)).toBe(true);
  } finally {
    launcher.kill("SIGTERM");
    await new Promise((resolve) => launcher.once("exit", resolve));
  }
});
