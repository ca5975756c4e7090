import type { APIRequestContext } from "@playwright/test";

/** The emulator that playwright.config.ts starts next to the dashboard (VOD_EMULATOR_PORT 4610, seed 42). */
export const EMULATOR_URL = process.env.E2E_EMULATOR_URL ?? "http://127.0.0.1:4610";

export interface Faults {
  latencyMs?: number;
  errorRate?: number;
  errorCode?: string;
  malformedRate?: number;
  outage?: boolean;
  stallProcessing?: boolean;
  /** The share of tasks finishing from now on that fail, with `taskErrorCode` in DescribeTaskDetail. */
  taskFailureRate?: number;
  taskErrorCode?: string;
}

/** Injects upstream faults; `{}` clears them. Loopback control endpoint, not part of Tencent's API. */
export async function setFaults(request: APIRequestContext, faults: Faults): Promise<void> {
  const response = await request.post(`${EMULATOR_URL}/__emulator/faults`, { data: faults });
  if (!response.ok()) throw new Error(`setting emulator faults failed: ${response.status()} ${await response.text()}`);
}

export function clearFaults(request: APIRequestContext): Promise<void> {
  return setFaults(request, {});
}

export async function emulatorStats(request: APIRequestContext): Promise<{ requests: Record<string, number>; errors: Record<string, number> }> {
  return (await request.get(`${EMULATOR_URL}/__emulator/stats`)).json();
}
