import http from "node:http";
import type { AddressInfo } from "node:net";
import { mirrorInstance, resetMirrorsForTests } from "@/lib/mirror/registry";
import { createDashboardServer } from "@/lib/server/http-server";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { startEmulatorUpstream } from "./emulator-upstream";

export interface Scrape {
  status: number;
  type: string;
  body: string;
}

export interface MetricsRig {
  /** GET /metrics on a fresh connection, from a chosen loopback address. */
  scrape(headers?: Record<string, string>, from?: string): Promise<Scrape>;
  close(): Promise<void>;
}

/**
 * The dashboard's edge (pages stubbed) over an emulator serving `apps`, whose mirrors have each
 * synced once and then stay still (no timer), so that every read of a test sees the same sync.
 */
export async function startMetricsRig(apps: number[]): Promise<MetricsRig> {
  const upstream = await startEmulatorUpstream({ subApps: apps });
  process.env.VOD_ENDPOINT = upstream.emulator.url;
  process.env.VOD_EMULATOR_SUBAPPS = apps.join(",");
  setUpstreamForTests(upstream.gateway);
  resetMirrorsForTests({ timer: false, syncIntervalMs: 3_600_000 });
  // On a busy machine a sync can fail; the series the tests compare need one to have succeeded.
  for (const id of apps) {
    for (let attempt = 0; attempt < 5 && mirrorInstance(id).health().syncedAt === null; attempt++) await mirrorInstance(id).sync();
  }
  const server = createDashboardServer({ renderPage: async (_req, res) => void res.end("a page"), origin: "http://localhost", dev: false });
  await new Promise<void>((resolve) => server.gate.listen(0, "127.0.0.1", resolve));
  const port = (server.gate.address() as AddressInfo).port;

  function scrape(headers: Record<string, string> = {}, from = "127.0.0.1"): Promise<Scrape> {
    return new Promise((resolve, reject) => {
      const req = http.request({ host: "127.0.0.1", port, path: "/metrics", headers, localAddress: from, agent: false }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  async function close(): Promise<void> {
    setUpstreamForTests(undefined);
    resetMirrorsForTests();
    server.http.closeAllConnections();
    await new Promise((resolve) => server.gate.close(resolve));
    await upstream.emulator.close();
  }

  return { scrape, close };
}
