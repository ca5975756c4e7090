import { spawn } from "node:child_process";
import path from "node:path";
import { collectLines } from "./output-lines";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export interface ReplicaProcess {
  url: string;
  pid: number;
  /** Every line the process wrote so far. */
  lines: string[];
  /** Whether kill() was called. */
  killed: boolean;
  /** GET a path as JSON (status and body). */
  get<T = unknown>(pathAndQuery: string): Promise<{ status: number; body: T; headers: Headers }>;
  kill(signal: NodeJS.Signals): Promise<void>;
}


/**
 * One replica: the dashboard's server process (API only, lib/testing/api-server-process.ts) on a
 * loopback port, with `env` over a clean environment; resolves once /api/health answers.
 */
export async function startReplicaProcess(port: number, env: Record<string, string>): Promise<ReplicaProcess> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(childEnv)) if (/^(TENCENTCLOUD_|VOD_|DASHBOARD_|DATABASE_URL|PORT$|HOST$|NODE_ENV$)/.test(name)) delete childEnv[name];
  Object.assign(childEnv, { NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(port) }, env);
  const child = spawn(process.execPath, ["--import", "tsx", path.join(ROOT, "lib", "testing", "api-server-process.ts")], {
    cwd: ROOT, env: childEnv, stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  collectLines(child, lines);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const get = async <T>(pathAndQuery: string) => {
    const response = await fetch(`${url}${pathAndQuery}`, { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, body: (await response.json()) as T, headers: response.headers };
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`replica exited with ${child.exitCode}:\n${lines.join("\n")}`);
    try {
      if ((await get("/api/health")).status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`replica did not answer within a minute:\n${lines.join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const replica: ReplicaProcess = {
    url, pid: child.pid!, lines, get, killed: false,
    async kill(signal) {
      replica.killed = true;
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
  return replica;
}
