import "server-only";
import path from "node:path";
import next from "next";
import { startAlerts } from "@/lib/alerts/start-alerts";
import { readAlertEnv, type AlertEnv } from "@/lib/config/alert-env";
import { dashboardEnv } from "@/lib/config/dashboard-env";
import { serverEnv } from "@/lib/config/server-env";
import { logEvent, redactProcessOutput } from "@/lib/log";
import { createDashboardServer } from "./http-server";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * Starts the dashboard's server process. The configuration is read first, so a bad value stops
 * it at once with a message naming the variable; from then on no output can carry a credential.
 */
export async function main(argv: readonly string[]): Promise<void> {
  redactProcessOutput();
  let alerts: AlertEnv | undefined;
  try {
    serverEnv();
    dashboardEnv();
    alerts = readAlertEnv(process.env, serverEnv().subAppIds);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    // EX_CONFIG: npm start's supervisor does not restart a server that refuses its configuration.
    process.exit(78);
  }
  // Pages reach the server's modules by path from the working directory (page-data-link.ts).
  process.chdir(ROOT);
  const dev = argv.includes("--dev");
  // HOST unset: every interface, IPv4 and IPv6, like `next start`.
  const { port, host: hostname } = dashboardEnv();
  const app = next({ dev, dir: ROOT, hostname, port });
  const renderPage = app.getRequestHandler();
  await app.prepare();
  const { gate: server, http } = createDashboardServer({ renderPage, origin: `http://localhost:${port}`, dev });
  if (dev) http.on("upgrade", app.getUpgradeHandler());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if (hostname) server.listen(port, hostname, resolve);
    else server.listen(port, resolve);
  });
  logEvent("info", "dashboard listening", { url: `http://localhost:${port}`, hostname: hostname ?? "*", dev });
  console.log(`VOD task dashboard on http://localhost:${port}`);
  if (alerts) startAlerts({ alerts, subAppIds: serverEnv().subAppIds, dashboardUrl: dashboardEnv().url });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}
