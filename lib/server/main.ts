import "server-only";
import path from "node:path";
import next from "next";
import { authEnv } from "@/lib/auth/auth-env";
import { dashboardEnv } from "@/lib/config/dashboard-env";
import { serverEnv } from "@/lib/config/server-env";
import { logEvent, redactProcessOutput } from "@/lib/log";
import { metricsEnv } from "@/lib/metrics/metrics-env";
import { mirrorFor } from "@/lib/mirror/registry";
import { createDashboardServer } from "./http-server";
import { listenHost } from "./listen-host";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * Starts the dashboard's server process. The configuration is read first, so a bad value stops
 * it at once with a message naming the variable; from then on no output can carry a credential.
 */
export async function main(argv: readonly string[]): Promise<void> {
  redactProcessOutput();
  try {
    serverEnv();
    dashboardEnv();
    authEnv();
    metricsEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    // EX_CONFIG: npm start's supervisor does not restart a server that refuses its configuration.
    process.exit(78);
  }
  // Pages reach the server's modules by path from the working directory (page-data-link.ts).
  process.chdir(ROOT);
  const dev = argv.includes("--dev");
  const { port } = dashboardEnv();
  const hostname = listenHost(dashboardEnv().host, serverEnv().mode, authEnv().mode);
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
  logEvent("info", "dashboard listening", { url: `http://localhost:${port}`, hostname: hostname ?? "*", dev, auth: authEnv().mode });
  console.log(`VOD task dashboard on http://localhost:${port}`);
  // npm start warms the default app's mirror by asking /api/stats, which sign-in now refuses it: warm it here.
  if (authEnv().mode !== "none") void mirrorFor(serverEnv().subAppIds[0]).refresh();
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}
