import "server-only";
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Duplex } from "node:stream";
import path from "node:path";
import next from "next";
import { startAlerts } from "@/lib/alerts/start-alerts";
import { readAlertEnv, type AlertEnv } from "@/lib/config/alert-env";
import { authEnv } from "@/lib/auth/auth-env";
import { dashboardEnv } from "@/lib/config/dashboard-env";
import { adoptKeptSecret } from "@/lib/config/dashboard-secret";
import { serverEnv } from "@/lib/config/server-env";
import { logEvent, redactProcessOutput } from "@/lib/log";
import { StoreRefused } from "@/lib/store/migrations";
import { openProcessStore, processStore } from "@/lib/store/process-store";
import { metricsEnv } from "@/lib/metrics/metrics-env";
import { outcomeLookupsPerHour } from "@/lib/config/outcome-env";
import { mirrorFor, startOutcomeLookups } from "@/lib/mirror/registry";
import { isCollector } from "@/lib/replicas/replica-state";
import { startReplicas } from "@/lib/replicas/start-replicas";
import { createDashboardServer, type DashboardServerOptions } from "./http-server";
import { listenHost } from "./listen-host";
import { shutDown } from "./shut-down";

/**
 * Opens the task store before anything reads upstream, so the mirrors start from it and every
 * answer is written through, and takes the generated DASHBOARD_SECRET from it. A database the
 * dashboard must not touch stops the server (naming DATABASE_URL); one that cannot be reached
 * leaves it running from memory, with health saying so.
 */
async function openTheStore(): Promise<void> {
  const { database, historyDays, secret } = dashboardEnv();
  try {
    const opened = await openProcessStore(database, historyDays);
    if (opened && !secret) adoptKeptSecret(Buffer.from(await opened.store.keepSetting("dashboard_secret", randomBytes(32).toString("hex")), "hex"));
  } catch (error) {
    if (!(error instanceof StoreRefused)) throw error;
    console.error(error.message);
    process.exit(78);
  }
}

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** What renders the pages: Next.js, in production or development mode. */
export interface Pages {
  renderPage: DashboardServerOptions["renderPage"];
  upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
}

async function nextPages(options: { dev: boolean; hostname: string | undefined; port: number }): Promise<Pages> {
  const app = next({ ...options, dir: ROOT });
  await app.prepare();
  return { renderPage: app.getRequestHandler(), upgrade: options.dev ? app.getUpgradeHandler() : undefined };
}

/**
 * Starts the dashboard's server process. The configuration is read first, so a bad value stops
 * it at once with a message naming the variable; from then on no output can carry a credential.
 */
export async function main(argv: readonly string[], preparePages: typeof nextPages = nextPages): Promise<void> {
  redactProcessOutput();
  let alerts: AlertEnv | undefined;
  try {
    serverEnv();
    dashboardEnv();
    alerts = readAlertEnv(process.env, serverEnv().subAppIds);
    authEnv();
    metricsEnv();
    outcomeLookupsPerHour();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    // EX_CONFIG: npm start's supervisor does not restart a server that refuses its configuration.
    process.exit(78);
  }
  // Pages reach the server's modules by path from the working directory (page-data-link.ts).
  process.chdir(ROOT);
  await openTheStore();
  // With a Postgres store: one upstream budget for every replica, and one collector among them.
  const replicas = startReplicas(dashboardEnv().database, serverEnv().maxRps);
  // Every finished task's outcome, looked up once in the background, in every configured app.
  startOutcomeLookups(serverEnv().subAppIds);
  const dev = argv.includes("--dev");
  const { port } = dashboardEnv();
  const hostname = listenHost(dashboardEnv().host, serverEnv().mode, authEnv().mode);
  const { renderPage, upgrade } = await preparePages({ dev, hostname, port });
  const { gate: server, http } = createDashboardServer({ renderPage, origin: `http://localhost:${port}`, dev });
  if (upgrade) http.on("upgrade", upgrade);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if (hostname) server.listen(port, hostname, resolve);
    else server.listen(port, resolve);
  });
  logEvent("info", "dashboard listening", { url: `http://localhost:${port}`, hostname: hostname ?? "*", dev, auth: authEnv().mode });
  console.log(`VOD task dashboard on http://localhost:${port}`);
  if (alerts) startAlerts({ alerts, subAppIds: serverEnv().subAppIds, dashboardUrl: dashboardEnv().url, mayAnnounce: isCollector });
  // npm start warms the default app's mirror by asking /api/stats, which sign-in now refuses it: warm it here.
  if (authEnv().mode !== "none") void mirrorFor(serverEnv().subAppIds[0]).refresh();
  // Requests under way finish, then what is queued for the store is written before the process goes.
  const stop = () => void shutDown({ gate: server, http }, () => Promise.all([replicas?.stop(), processStore()?.close()]));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, stop);
}
