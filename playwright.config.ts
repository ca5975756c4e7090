import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig } from "@playwright/test";

/**
 * Debian's Chromium where it is installed (Playwright cannot download a browser here), else a
 * browser Playwright installed itself. CHROMIUM_PATH overrides both.
 */
const systemChromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((candidate) => existsSync(candidate));
const executablePath = process.env.CHROMIUM_PATH || systemChromium;

// Overridable so that two checkouts can run their browser tests side by side.
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const E2E_EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4610);
process.env.E2E_EMULATOR_URL ??= `http://127.0.0.1:${E2E_EMULATOR_PORT}`;

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  // The tests share one emulator and some inject faults into it: one at a time.
  workers: 1,
  fullyParallel: false,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic"],
    },
  },
  // Every spec runs on a laptop; the layout specs (*.screens.spec.ts) also on a phone and a wall display.
  projects: [
    { name: "laptop", use: { viewport: { width: 1280, height: 800 } } },
    {
      name: "phone",
      testMatch: /\.screens\.spec\.ts$/,
      use: {
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        userAgent: "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36",
      },
    },
    { name: "wall", testMatch: /\.screens\.spec\.ts$/, use: { viewport: { width: 2560, height: 1440 } } },
  ],
  webServer: {
    command: "npx tsx scripts/start.ts",
    url: `http://127.0.0.1:${E2E_PORT}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(E2E_PORT),
      VOD_EMULATOR_PORT: String(E2E_EMULATOR_PORT),
      VOD_EMULATOR_SEED: "42",
      TENCENTCLOUD_SECRET_ID: "",
      TENCENTCLOUD_SECRET_KEY: "",
      VOD_ENDPOINT: "",
      VOD_SUBAPP_IDS: "",
      VOD_LOG: "silent",
      // A fresh store per run: the emulator's history starts anew each time.
      DATABASE_URL: `sqlite:${path.join(os.tmpdir(), `vod-e2e-${process.pid}-${Date.now()}.db`)}`,
    },
  },
});
