import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { collectLines } from "../../lib/testing/output-lines";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface ServerProcess {
  url: string;
  /** Every line the process wrote to stdout and stderr so far. */
  lines: string[];
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}


/**
 * The dashboard's server process as `npm start` (or `npm run dev`, with `--dev`) runs it, on a
 * free port (or env.PORT), with the given environment on top of a clean one; ready once /api/health answers.
 * `entry` "start.ts" runs the launcher instead: the emulator too (no credentials), both supervised.
 */
export async function startServerProcess(env: Record<string, string>, args: string[] = [], entry: "server.ts" | "start.ts" = "server.ts"): Promise<ServerProcess> {
  // A test that must know the port before the server starts (a sign-in provider's redirect URI) passes PORT.
  const port = env.PORT ? Number(env.PORT) : await freePort();
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv)) if (/^(TENCENTCLOUD_|VOD_|DASHBOARD_|DATABASE_URL|PORT$|HOST$)/.test(name)) delete childEnv[name];
  // A task store of its own, gone with the process: tests never read or fill the default ./data store.
  const store = path.join(os.tmpdir(), `vod-e2e-server-${process.pid}-${port}.db`);
  Object.assign(childEnv, { NEXT_TELEMETRY_DISABLED: "1", PORT: String(port), DATABASE_URL: `sqlite:${store}` }, env);
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts", entry), ...args], {
    cwd: ROOT,
    env: childEnv,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  collectLines(child, lines);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}:\n${lines.join("\n")}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the server did not answer within two minutes:\n${lines.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    lines,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      for (const suffix of ["", "-wal", "-shm"]) rmSync(`${store}${suffix}`, { force: true });
    },
  };
}
