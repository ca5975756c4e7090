import type { APIRequestContext } from "@playwright/test";

/** The emulator beside this worker's dashboard (./test.ts sets it when the worker starts them). */
function emulatorUrl(): string {
  const url = process.env.E2E_EMULATOR_URL;
  if (!url) throw new Error("E2E_EMULATOR_URL is not set: import test from ./support/test, which starts the emulator");
  return url;
}

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
  const response = await request.post(`${emulatorUrl()}/__emulator/faults`, { data: faults });
  if (!response.ok()) throw new Error(`setting emulator faults failed: ${response.status()} ${await response.text()}`);
}

export function clearFaults(request: APIRequestContext): Promise<void> {
  return setFaults(request, {});
}

export async function emulatorStats(request: APIRequestContext): Promise<{ requests: Record<string, number>; errors: Record<string, number> }> {
  return (await request.get(`${emulatorUrl()}/__emulator/stats`)).json();
}
