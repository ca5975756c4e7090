import path from "node:path";
import type { FullConfig } from "@playwright/test";
import { buildDashboard, buildIsFresh } from "../../scripts/build-stamp";
import { startWorkerServers } from "./worker-servers";

/**
 * One production build, then one dashboard and emulator per worker slot (./worker-servers.ts),
 * stopped by the returned teardown once every test has run.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
  const root = path.resolve(import.meta.dirname, "..", "..");
  if (!buildIsFresh(root)) buildDashboard(root);
  const servers = await startWorkerServers(config.workers);
  return async () => {
    await Promise.all(servers.map((server) => server.stop()));
  };
}
