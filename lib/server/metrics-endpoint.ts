import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import { ApiError } from "@/lib/api/errors";
import { errorAnswer } from "@/lib/api/respond";
import { authEnv } from "@/lib/auth/auth-env";
import { plainAddress } from "@/lib/auth/cidr";
import { metricsEnv } from "@/lib/metrics/metrics-env";
import { registerMirrorMetrics } from "@/lib/metrics/mirror-metrics";
import { metricsRegistry } from "@/lib/metrics/registry";

export const isMetricsPath = (target: string) => target === "/metrics" || target.startsWith("/metrics?");

const digest = (text: string) => createHash("sha256").update(text).digest();

function isLoopback(address: string | undefined): boolean {
  const plain = plainAddress(address ?? "");
  return isIP(plain) === 4 ? plain.startsWith("127.") : plain === "::1";
}

/**
 * Who may scrape: with METRICS_TOKEN, a request bearing it (compared in constant time); without,
 * loopback clients only (a Prometheus on the same machine, or a sidecar). A request a proxy on this
 * machine relayed (it says whom for) is no loopback client: it may come from anywhere. Returns the refusal.
 */
export function metricsRefusal(authorization: string | undefined, remoteAddress: string | undefined, token: string | undefined, relayed = false): ApiError | undefined {
  if (token === undefined) {
    if (isLoopback(remoteAddress) && !relayed) return undefined;
    return new ApiError("Forbidden", "/metrics answers loopback clients only, not through a proxy; set METRICS_TOKEN to scrape it from elsewhere.");
  }
  const given = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];
  if (given !== undefined && timingSafeEqual(digest(given), digest(token))) return undefined;
  return new ApiError("Unauthenticated", "/metrics needs METRICS_TOKEN as a bearer token (Authorization: Bearer …).", { challenge: 'Bearer realm="metrics"' });
}

/** GET /metrics: the Prometheus text format, from the mirrors and this process's counters. */
export async function answerMetrics(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let failure: unknown = req.method === "GET" || req.method === "HEAD" ? undefined : new ApiError("MethodNotAllowed", `${req.method} is not allowed here; use GET`);
  const relayed = ["x-forwarded-for", "forwarded", "x-real-ip", authEnv().proxyHeader].some((name) => req.headers[name] !== undefined);
  failure ??= metricsRefusal(req.headers.authorization, req.socket.remoteAddress, metricsEnv().token, relayed);
  if (!failure) {
    try {
      registerMirrorMetrics();
      const body = await metricsRegistry.metrics();
      res.writeHead(200, { "content-type": metricsRegistry.contentType, "cache-control": "no-store" }).end(body);
      return;
    } catch (error) {
      failure = error;
    }
  }
  const { status, headers, body } = errorAnswer(failure);
  res.writeHead(status, headers).end(body);
}
