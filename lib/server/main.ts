import "server-only";
import path from "node:path";
import { serverEnv } from "@/lib/config/server-env";
import { logEvent, redactProcessOutput } from "@/lib/log";
import { startDashboardServer } from "./http-server";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

/**
 * Starts the dashboard's server process. The configuration is read first, so a bad value stops
 * it at once with a message naming the variable; from then on no output can carry a credential.
 */
export async function main(argv: readonly string[]): Promise<void> {
  redactProcessOutput();
  try {
    serverEnv();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  // Pages reach the server's modules by path from the working directory (page-data-link.ts).
  process.chdir(ROOT);
  const dev = argv.includes("--dev");
  const port = Number(process.env.PORT?.trim() || 3000);
  // Unset: every interface, IPv4 and IPv6, like `next start`.
  const hostname = process.env.HOST?.trim() || undefined;
  const server = await startDashboardServer({ dir: ROOT, port, hostname, dev });
  logEvent("info", "dashboard listening", { url: `http://localhost:${port}`, hostname: hostname ?? "*", dev });
  console.log(`VOD task dashboard on http://localhost:${port}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}
