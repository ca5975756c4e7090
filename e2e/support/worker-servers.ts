import { startServerProcess, type ServerProcess } from "./server-process";

/**
 * Each Playwright worker slot has a dashboard and an emulator of its own, started as `npm start`
 * starts them (the launcher, production build, emulator mode, seed 42), so a spec that injects
 * faults into its emulator disturbs no spec running beside it.
 *
 * They are started once, one after the other, before any test (global-setup.ts), and each is
 * used by every worker that takes its slot (`parallelIndex`): the phone, laptop, desktop and wall
 * projects' workers, and a worker restarted after a failure, find a server already up and its
 * mirror filled, instead of each starting its own while the others run timed specs.
 *
 * Ports: E2E_PORT and E2E_EMULATOR_PORT plus the slot, so that two checkouts can run their
 * browser tests side by side on different bases.
 */
const DASHBOARD_PORT = Number(process.env.E2E_PORT ?? 3100);
const EMULATOR_PORT = Number(process.env.E2E_EMULATOR_PORT ?? 4610);

export const dashboardUrl = (slot: number) => `http://127.0.0.1:${DASHBOARD_PORT + slot}`;
export const emulatorUrl = (slot: number) => `http://127.0.0.1:${EMULATOR_PORT + slot}`;

/** Starts one dashboard (with its emulator) per worker slot; resolves once each has read its window. */
export async function startWorkerServers(slots: number): Promise<ServerProcess[]> {
  const servers: ServerProcess[] = [];
  try {
    for (let slot = 0; slot < slots; slot++) {
      const server = await startServerProcess(
        {
          PORT: String(DASHBOARD_PORT + slot),
          VOD_EMULATOR_PORT: String(EMULATOR_PORT + slot),
          VOD_EMULATOR_SEED: "42",
          VOD_LOG: "silent",
          // The outcome lookups at their share only, without the idle backfill (about 35 lookups a second
          // for the whole run on each server, a sixth of a core beside the browsers, which no spec needs).
          VOD_OUTCOME_IDLE_LOOKUPS: "0",
          // The team's views, as a deployment ships them (e2e/newuser-views.spec.ts).
          DASHBOARD_SAVED_VIEWS: JSON.stringify({ "Team: waiting queue": "status=WAITING&refresh=off" }),
        },
        [],
        "start.ts",
      );
      servers.push(server);
      await waitForWindow(server.url);
    }
  } catch (error) {
    await Promise.all(servers.map((server) => server.stop()));
    throw error;
  }
  return servers;
}

/** The first fill done: specs that time the page then measure the page, not a server still reading. */
async function waitForWindow(url: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      const stats = (await (await fetch(`${url}/api/stats`)).json()) as { coverage?: { complete?: boolean } };
      if (stats.coverage?.complete) return;
    } catch {
      // starting
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the dashboard at ${url} did not read its window within two minutes`);
}

/** Clears the faults a spec left in its slot's emulator (one that failed half-way, say). */
export async function clearSlotFaults(slot: number): Promise<void> {
  const response = await fetch(`${emulatorUrl(slot)}/__emulator/faults`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  if (!response.ok) throw new Error(`clearing the emulator's faults failed: ${response.status}`);
}
