/**
 * `npm start`: builds the dashboard when the build is missing or stale, starts the bundled VOD
 * emulator when no credentials are set, then serves the production build. One command for a
 * fresh clone, and the same command the browser tests start.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { sourceHash } from "./build-stamp";
import { productionServerEnv } from "./server-process-env";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
const stampFile = path.join(root, ".next", "source-hash");
const children: ChildProcess[] = [];

function buildIfStale(): void {
  const hash = sourceHash(root);
  const built = existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile) && readFileSync(stampFile, "utf8") === hash;
  if (built) return;
  console.log("Building the dashboard (the build is missing or older than the code)…");
  const result = spawnSync(bin("next"), ["build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  writeFileSync(stampFile, hash);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(command, args, { cwd: root, stdio: "inherit", env });
  children.push(child);
  child.on("exit", (code, signal) => {
    // When one half stops, the other has no purpose: stop everything with the same status.
    stopAll();
    process.exit(code ?? (signal ? 1 : 0));
  });
  return child;
}

function stopAll(): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}

async function waitForEmulator(port: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/__emulator/stats`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The emulator did not start on port ${port} within two minutes`);
}

/**
 * The server fills its mirror of the 72-hour window on the first /api/stats request; asking once
 * as soon as it is up means the first person to open the dashboard does not wait for the fill.
 */
async function warmUp(port: string): Promise<void> {
  const base = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) {
        await fetch(`${base}/api/stats`);
        return;
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

async function main(): Promise<void> {
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => {
    stopAll();
    process.exit(0);
  });
  buildIfStale();
  const env: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  const live = Boolean(env.TENCENTCLOUD_SECRET_ID?.trim() && env.TENCENTCLOUD_SECRET_KEY?.trim());
  if (!live) {
    const port = env.VOD_EMULATOR_PORT?.trim() || "4510";
    console.log(`No TENCENTCLOUD_SECRET_ID/KEY set: starting the bundled VOD emulator on 127.0.0.1:${port}`);
    run(bin("tsx"), [path.join(root, "lib", "emulator", "main.ts")], env);
    await waitForEmulator(port);
  }
  const port = env.PORT?.trim() || "3000";
  run(bin("tsx"), [path.join(root, "scripts", "server.ts")], productionServerEnv(env, port));
  await warmUp(port);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll();
  process.exit(1);
});
