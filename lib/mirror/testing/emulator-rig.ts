import { readServerEnv } from "@/lib/config/server-env";
import { startEmulator, type RunningEmulator } from "@/lib/emulator/server";
import { createGateway, type Gateway } from "@/lib/vod/gateway";
import { createRequestBudget } from "@/lib/vod/request-budget";
import { createSdkSender } from "@/lib/vod/sdk-sender";

export interface EmulatorRig {
  emulator: RunningEmulator;
  gateway: Gateway;
  /** The shared clock: the emulator's workload and the mirror read it; tests move it. */
  clock: { now: number };
  /** Upstream calls the emulator has answered so far, per action. */
  calls(): Promise<{ DescribeTasks: number; DescribeTaskDetail: number; errors: Record<string, number> }>;
}

/**
 * The real emulator behind the real SDK and gateway, on a clock the test holds: now, or `startMs`
 * for a test that needs the same 72 hours of workload whenever it runs (requests are still signed
 * and checked with the real clock).
 */
export async function startEmulatorRig(options: { seed: number; tasksPerHour: number; subApps?: number[]; maxRps?: number; startMs?: number }): Promise<EmulatorRig> {
  const clock = { now: Math.floor((options.startMs ?? Date.now()) / 1_000) * 1_000 };
  const emulator = await startEmulator({ port: 0, seed: options.seed, tasksPerHour: options.tasksPerHour, subApps: options.subApps, now: () => clock.now });
  const env = readServerEnv({ VOD_ENDPOINT: emulator.url, VOD_MAX_RPS: String(options.maxRps ?? 90) });
  const gateway = createGateway({ send: createSdkSender(env), budget: createRequestBudget(env.maxRps) });
  return {
    emulator,
    gateway,
    clock,
    async calls() {
      const stats = (await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as {
        requests: { DescribeTasks?: number; DescribeTaskDetail?: number };
        errors: Record<string, number>;
      };
      return { DescribeTasks: stats.requests.DescribeTasks ?? 0, DescribeTaskDetail: stats.requests.DescribeTaskDetail ?? 0, errors: stats.errors };
    },
  };
}
