import type http from "node:http";
import type net from "node:net";

/** How long requests under way may take to finish once the process is asked to stop. */
export const SHUTDOWN_GRACE_MS = 5_000;

/**
 * Stops a dashboard server the way a supervisor expects: no new connections, idle keep-alive
 * sockets closed at once (a browser or a load balancer holds some open for a minute), requests
 * under way given SHUTDOWN_GRACE_MS to finish, then every socket closed, then `release` (the
 * store's last writes, the collector lease) and exit. Without it, `server.close()` waits for every
 * idle keep-alive socket to time out, and a SIGTERM took a minute.
 */
export async function shutDown(server: { gate: net.Server; http: http.Server }, release: () => Promise<unknown>): Promise<never> {
  const closed = new Promise<void>((resolve) => server.gate.close(() => resolve()));
  server.http.closeIdleConnections();
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS)))]);
  clearTimeout(timer);
  server.http.closeAllConnections();
  await release().catch(() => undefined);
  process.exit(0);
}
