import path from "node:path";
import { freePort } from "./ports";
import { bin, ROOT, startProcess, waitFor, type Managed } from "./processes";

export const EMULATOR_KEY = { secretId: "AKIDemulator", secretKey: "emulator-secret" };
/** A second credential for the bench's own direct SDK calls, so they have their own upstream rate window. */
export const BENCH_KEY = { secretId: "AKIDbench", secretKey: "bench-secret" };
/** One application holds every task, so "a million tasks" is one view's million. */
export const SUBAPP_ID = 1500000001;

export interface EmulatorStats {
  requests: { DescribeTasks: number; DescribeTaskDetail: number };
  errors: Record<string, number>;
}

export interface EmulatorProcess {
  url: string;
  port: number;
  process: Managed;
  stats(): Promise<EmulatorStats>;
  reset(body: { seed?: number; tasksPerHour?: number }): Promise<{ tasks: number }>;
  stop(): Promise<void>;
}

/** The emulator as its own process (so its CPU is not the load generator's), on a free port. */
export async function startEmulatorProcess(options: { tasksPerHour: number; seed?: number; shared?: boolean }): Promise<EmulatorProcess> {
  const port = await freePort();
  const managed = startProcess("emulator", bin("tsx"), [path.join(ROOT, "lib", "emulator", "main.ts")], {
    ...process.env,
    VOD_EMULATOR_PORT: String(port),
    VOD_EMULATOR_SEED: String(options.seed ?? 1),
    VOD_EMULATOR_TASKS_PER_HOUR: String(options.tasksPerHour),
    VOD_EMULATOR_SUBAPPS: String(SUBAPP_ID),
    VOD_EMULATOR_KEYS: `${EMULATOR_KEY.secretId}:${EMULATOR_KEY.secretKey},${BENCH_KEY.secretId}:${BENCH_KEY.secretKey}`,
  }, { shared: options.shared });
  const url = `http://127.0.0.1:${port}`;
  const control = async <T>(method: string, name: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${url}/__emulator/${name}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: body === undefined ? undefined : { "content-type": "application/json" },
    });
    if (!response.ok) throw new Error(`emulator ${method} ${name}: HTTP ${response.status}`);
    return (await response.json()) as T;
  };
  await waitFor("the emulator", async () => (await fetch(`${url}/__emulator/stats`)).ok, 120_000, managed);
  return {
    url,
    port,
    process: managed,
    stats: () => control<EmulatorStats>("GET", "stats"),
    reset: (body) => control<{ tasks: number }>("POST", "reset", body),
    stop: () => managed.stop(),
  };
}

/** Upstream calls (both actions) and RequestLimitExceeded answers between two stats readings. */
export function callsBetween(before: EmulatorStats, after: EmulatorStats) {
  return {
    describeTasks: after.requests.DescribeTasks - before.requests.DescribeTasks,
    describeTaskDetail: after.requests.DescribeTaskDetail - before.requests.DescribeTaskDetail,
    limitExceeded: (after.errors.RequestLimitExceeded ?? 0) - (before.errors.RequestLimitExceeded ?? 0),
  };
}
