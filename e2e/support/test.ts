import { test as base } from "@playwright/test";
import { clearSlotFaults, dashboardUrl, emulatorUrl } from "./worker-servers";

/**
 * The browser tests' `test`: `baseURL` points at the dashboard of this worker's slot, started
 * before any test (./worker-servers.ts), and `E2E_EMULATOR_URL` at its emulator (read by
 * ./emulator.ts). A worker taking a slot first clears whatever faults a spec before it left there.
 */
export const test = base.extend<object, { workerDashboard: { url: string } }>({
  workerDashboard: [
    async ({}, provide, workerInfo) => {
      const slot = workerInfo.parallelIndex;
      process.env.E2E_EMULATOR_URL = emulatorUrl(slot);
      await clearSlotFaults(slot);
      await provide({ url: dashboardUrl(slot) });
    },
    { scope: "worker" },
  ],
  baseURL: async ({ workerDashboard }, provide) => provide(workerDashboard.url),
});

export { expect } from "@playwright/test";
