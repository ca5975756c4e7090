import { test as base } from "@playwright/test";
import { startServerProcess, type ServerProcess } from "./server-process";

/**
 * The browser tests' `test`: each Playwright worker has a dashboard and an emulator of its own,
 * started as `npm start` starts them (the launcher, production build, emulator mode, seed 42), so
 * a spec that injects faults into its emulator disturbs no spec running beside it. `baseURL` points
 * at the worker's dashboard and `E2E_EMULATOR_URL` at its emulator (read by ./emulator.ts).
 *
 * Ports: E2E_PORT and E2E_EMULATOR_PORT plus the worker's index, so that two checkouts can run
 * their browser tests side by side on different bases.
 */
const DASHBOARD_PORT = Number(process.env.E2E_PORT ?? 3100);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4610);

export const test = base.extend<object, { workerDashboard: ServerProcess }>({
  workerDashboard: [
    async ({}, provide, workerInfo) => {
      const emulatorPort = EMULATOR_PORT + workerInfo.parallelIndex;
      const dashboard = await startServerProcess(
        {
          PORT: String(DASHBOARD_PORT + workerInfo.parallelIndex),
          VOD_EMULATOR_PORT: String(emulatorPort),
          VOD_EMULATOR_SEED: "42",
          VOD_LOG: "silent",
          // The team's views, as a deployment ships them (e2e/newuser-views.spec.ts).
          DASHBOARD_SAVED_VIEWS: JSON.stringify({ "Team: waiting queue": "status=WAITING&refresh=off" }),
        },
        [],
        "start.ts",
      );
      process.env.E2E_EMULATOR_URL = `http://127.0.0.1:${emulatorPort}`;
      await provide(dashboard);
      await dashboard.stop();
    },
    { scope: "worker", timeout: 300_000 },
  ],
  baseURL: async ({ workerDashboard }, provide) => provide(workerDashboard.url),
});

export { expect } from "@playwright/test";
