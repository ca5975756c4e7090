import { defineConfig } from "@playwright/test";
import { CHROMIUM_FLAGS, chromiumPath, SOFTWARE_COMPOSITING_FLAGS } from "./e2e/support/chromium";

/** Specs of the server rather than of a page: they run at one size. */
const SERVER_SPECS = /\/(api|auth-basic|auth-oidc|dev-server|one-process|supervisor)\.spec\.ts$/;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // Each worker slot has a dashboard and an emulator of its own, started before any test and shared
  // by the projects' workers (e2e/support/worker-servers.ts), so specs that inject faults run beside
  // the others. Three suit a two-core machine: the specs mostly wait on the clock, and with the servers
  // started one after the other before the first test, no timed spec runs while a server starts.
  // E2E_WORKERS overrides.
  workers: Number(process.env.E2E_WORKERS ?? 3),
  fullyParallel: false,
  globalSetup: "./e2e/support/global-setup.ts",
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    // A trace records the screen all along, in Chromium's browser and compositor processes: recording
    // every test (and keeping the failures') took Chromium's GPU process 23 s of CPU a minute against
    // 10 s without, in three workers. Only a retry records one.
    trace: "on-first-retry",
    // Debian's Chromium where it is installed, else a browser Playwright installed itself.
    launchOptions: { executablePath: chromiumPath(), args: [...CHROMIUM_FLAGS, ...SOFTWARE_COMPOSITING_FLAGS] },
  },
  // Every spec of the pages (/ and /oncall) runs at three sizes: a phone with mobile emulation, a
  // 1024 px laptop and a 1440 px desktop. Specs of the server alone (its API, sign-in, processes)
  // run once, on the desktop; the layout specs (*.screens.spec.ts) also on a wall display.
  projects: [
    {
      name: "phone",
      testIgnore: SERVER_SPECS,
      use: {
        viewport: { width: 390, height: 844 },
        // A high-density screen; layout is in CSS pixels alike at 2 or 3, and 2 draws half the pixels.
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
        userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      },
    },
    { name: "laptop", testIgnore: SERVER_SPECS, use: { viewport: { width: 1024, height: 768 } } },
    { name: "desktop", use: { viewport: { width: 1440, height: 900 } } },
    { name: "wall", testMatch: /\.screens\.spec\.ts$/, use: { viewport: { width: 2560, height: 1440 } } },
  ],
});
