import os from "node:os";
import { rmSync } from "node:fs";
import path from "node:path";
import { buildDashboard, buildIsFresh } from "../../scripts/build-stamp";
import { productionServerEnv } from "../../scripts/server-process-env";
import { EMULATOR_KEY, type EmulatorProcess, SUBAPP_ID } from "./emulator";
import { freePort } from "./ports";
import { commandLine, descendants, ROOT, rssBytes, startProcess, waitFor, type Managed } from "./processes";

/** Builds the production bundle when it is missing or older than the code, as `npm start` does. */
export function ensureBuild(log: (line: string) => void): void {
  if (buildIsFresh(ROOT)) return;
  log("building the dashboard (next build)…");
  buildDashboard(ROOT, "capture");
}

export interface DashboardServer {
  url: string;
  process: Managed;
  /** Resident memory of the process that serves requests. */
  rss(): number | undefined;
  stop(): Promise<void>;
  /** The server's SQLite store (removed by stop), unless the figure passed a DATABASE_URL of its own. */
  storeFile: string;
}

/** The production server on a free port against the given emulator, in emulator mode (no credentials). */
export async function startDashboard(
  emulator: EmulatorProcess,
  extraEnv: Record<string, string> = {},
  /** Node options for the server, e.g. --cpu-prof when looking for where the time goes. */
  nodeArgs: string[] = [],
  options: { shared?: boolean; entry?: string } = {},
): Promise<DashboardServer> {
  const port = await freePort();
  const storeFile = path.join(os.tmpdir(), `vod-bench-${process.pid}-${port}.db`);
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("TENCENTCLOUD_") || name.startsWith("VOD_")) delete env[name];
  Object.assign(env, {
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    PORT: String(port),
    VOD_ENDPOINT: emulator.url,
    VOD_EMULATOR_PORT: String(emulator.port),
    VOD_EMULATOR_KEYS: `${EMULATOR_KEY.secretId}:${EMULATOR_KEY.secretKey}`,
    VOD_EMULATOR_SUBAPPS: String(SUBAPP_ID),
    VOD_MAX_RPS: "90",
    VOD_LOG: "silent",
    // A store of its own per server (a fresh emulator has a history of its own); a figure may pass one.
    DATABASE_URL: `sqlite:${storeFile}`,
    ...extraEnv,
  });
  // The same production server `npm start` runs (Next.js, with the polled routes answered directly).
  const managed = startProcess("dashboard server", process.execPath, [...nodeArgs, "--import", "tsx", options.entry ?? path.join(ROOT, "scripts", "server.ts")],
    productionServerEnv(env, String(port)), options);
  const url = `http://127.0.0.1:${port}`;
  await waitFor("the dashboard server", async () => (await fetch(`${url}/api/health`)).ok, 60_000, managed);
  const serverPid = () => {
    // next start may serve from itself or from a child; the one holding the most memory serves.
    const pids = [managed.child.pid!, ...descendants(managed.child.pid!)].filter((pid) => commandLine(pid).includes("node") || commandLine(pid).includes("next"));
    return pids.reduce((best, pid) => ((rssBytes(pid) ?? 0) > (rssBytes(best) ?? 0) ? pid : best), managed.child.pid!);
  };
  const stop = async () => {
    await managed.stop();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${storeFile}${suffix}`, { force: true });
  };
  return { url, process: managed, rss: () => rssBytes(serverPid()), stop, storeFile };
}
