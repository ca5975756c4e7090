/**
 * `npm start`: builds the dashboard when the build is missing or stale, starts the bundled VOD
 * emulator when no credentials are set, then serves the production build. One command for a
 * fresh clone, and the same command the browser tests start. It supervises what it started: a
 * child that dies is started again (see supervise), so one crash does not take the dashboard down.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { buildDashboard, buildIsFresh } from "./build-stamp";
import { productionServerEnv } from "./server-process-env";

const root = path.resolve(import.meta.dirname, "..");
const children: ChildProcess[] = [];

function buildIfStale(): void {
  if (buildIsFresh(root)) return;
  console.log("Building the dashboard (the build is missing or older than the code)…");
  try {
    buildDashboard(root);
  } catch {
    process.exit(1);
  }
}

let stopping = false;
/** The exit status of a child refusing its configuration (EX_CONFIG), set by lib/server/main.ts and the emulator. */
const CONFIGURATION_ERROR = 78;

/** Restarts wait 1 s, then twice as long each time, at most 30 s; a child up for a minute starts over at 1 s. */
function restartDelayMs(failuresInARow: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, failuresInARow - 1));
}

/**
 * Runs a child and keeps it running: when it dies (a crash, an out-of-memory abort, a kill), it is
 * started again after a growing pause, and the event is logged. The other children keep running.
 * The child is Node itself with tsx's loader, not tsx's launcher, so the process that serves is the
 * one watched: killing it cannot leave an orphan holding the port.
 */
function supervise(name: string, script: string, env: NodeJS.ProcessEnv): void {
  let failures = 0;
  const start = () => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: root, stdio: "inherit", env });
    children.push(child);
    child.on("exit", (code, signal) => {
      children.splice(children.indexOf(child), 1);
      if (stopping) return;
      if (code === CONFIGURATION_ERROR) {
        // Starting again would fail again: the message above says which variable to fix.
        stopAll();
        process.exit(code);
      }
      failures = Date.now() - startedAt > 60_000 ? 1 : failures + 1;
      const delayMs = restartDelayMs(failures);
      console.error(JSON.stringify({ time: new Date().toISOString(), level: "error", msg: "child exited; restarting",
        child: name, code, signal, restartInMs: delayMs, failuresInARow: failures }));
      setTimeout(start, delayMs);
    });
  };
  start();
}

function stopAll(): void {
  stopping = true;
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
    supervise("emulator", path.join(root, "lib", "emulator", "main.ts"), env);
    await waitForEmulator(port);
  }
  const port = env.PORT?.trim() || "3000";
  supervise("dashboard", path.join(root, "scripts", "server.ts"), productionServerEnv(env, port));
  await warmUp(port);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  stopAll();
  process.exit(1);
});
