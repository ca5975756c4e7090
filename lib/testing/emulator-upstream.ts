import { readServerEnv } from "@/lib/config/server-env";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "@/lib/emulator/server";
import { createGateway, type Gateway, type GatewayOptions, type MediaInfoGateway } from "@/lib/vod/gateway";
import { createRequestBudget } from "@/lib/vod/request-budget";
import { createSdkSender } from "@/lib/vod/sdk-sender";

export interface EmulatorUpstream {
  emulator: RunningEmulator;
  gateway: Gateway & MediaInfoGateway;
  /** The emulator's own count of API requests since start or reset. */
  upstreamCalls(): Promise<{ requests: Record<string, number>; errors: Record<string, number> }>;
  setFaults(faults: Record<string, unknown>): Promise<void>;
}

/** A real emulator on a free port and a real gateway (official SDK, real signing) pointed at it. */
export async function startEmulatorUpstream(options: EmulatorOptions = {}, gateway: Partial<GatewayOptions> = {}): Promise<EmulatorUpstream> {
  const emulator = await startEmulator({ port: 0, seed: 7, ...options });
  const env = readServerEnv({ VOD_ENDPOINT: emulator.url, VOD_MAX_RPS: "90" });
  return {
    emulator,
    gateway: createGateway({ send: createSdkSender(env), budget: createRequestBudget(env.maxRps), ...gateway }),
    async upstreamCalls() {
      return (await fetch(`${emulator.url}/__emulator/stats`)).json();
    },
    async setFaults(faults) {
      const response = await fetch(`${emulator.url}/__emulator/faults`, { method: "POST", body: JSON.stringify(faults), headers: { "content-type": "application/json" } });
      if (!response.ok) throw new Error(`faults refused: ${response.status}`);
    },
  };
}
