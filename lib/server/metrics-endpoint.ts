import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { isIP } from "node:net";
import { ApiError } from "@/lib/api/errors";
import { errorAnswer } from "@/lib/api/respond";
import { scopeOf, type AccessRules, type AppScope } from "@/lib/auth/access";
import { authEnv } from "@/lib/auth/auth-env";
import { plainAddress } from "@/lib/auth/cidr";
import type { Identity } from "@/lib/auth/identity";
import { serverEnv } from "@/lib/config/server-env";
import { renderExposition } from "@/lib/metrics/exposition";
import { metricsEnv } from "@/lib/metrics/metrics-env";
import { registerMirrorMetrics } from "@/lib/metrics/mirror-metrics";
import { metricsRegistry } from "@/lib/metrics/registry";

export const isMetricsPath = (target: string) => target === "/metrics" || target.startsWith("/metrics?");

const digest = (text: string) => createHash("sha256").update(text).digest();

const bearerOf = (authorization: string | undefined) => /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "")?.[1];

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
  const given = bearerOf(authorization);
  if (given !== undefined && timingSafeEqual(digest(given), digest(token))) return undefined;
  return new ApiError("Unauthenticated", "/metrics needs METRICS_TOKEN as a bearer token (Authorization: Bearer …).", { challenge: 'Bearer realm="metrics"' });
}

export interface MetricsCaller {
  authorization: string | undefined;
  remoteAddress: string | undefined;
  /** Relayed by a proxy (it says whom for): no loopback client, whatever its address. */
  relayed: boolean;
  /** Who the edge found signed in; null: nobody. */
  identity: Identity | null;
}

/**
 * What a scrape may see, or its refusal. METRICS_TOKEN is the Prometheus server's: its bearer sees
 * every app (and a bearer token that is not it is a 401). A person signed in (a session cookie, a
 * password, a trusted proxy's header) sees the series of the apps DASHBOARD_ACCESS gives them, and
 * those that name no app (exposition.ts); one given none of the configured apps is a 403, as on
 * every API route. Anyone else is the machine's own scraper: METRICS_TOKEN, or without it a
 * loopback client not relayed by a proxy.
 */
export function metricsAccess(caller: MetricsCaller, token: string | undefined, access: AccessRules, offered: readonly number[]): AppScope | ApiError {
  if (token !== undefined && bearerOf(caller.authorization) !== undefined) {
    const refusal = metricsRefusal(caller.authorization, caller.remoteAddress, token, caller.relayed);
    return refusal ?? "all";
  }
  if (caller.identity && caller.identity.via !== "none") {
    const scope = scopeOf(caller.identity.name, access);
    const visible = scope === "all" || (offered.length ? offered.some((id) => scope.has(id)) : scope.size > 0);
    if (!visible) return new ApiError("Forbidden", "You may see no application of this dashboard; ask for one in DASHBOARD_ACCESS.");
    return scope;
  }
  return metricsRefusal(caller.authorization, caller.remoteAddress, token, caller.relayed) ?? "all";
}

/**
 * GET /metrics: the Prometheus text format, from the mirrors and this process's counters, holding
 * only the series of the apps its caller may see (metricsAccess).
 */
export async function answerMetrics(req: IncomingMessage, res: ServerResponse, identity: Identity | null = null): Promise<void> {
  try {
    if (req.method !== "GET" && req.method !== "HEAD") throw new ApiError("MethodNotAllowed", `${req.method} is not allowed here; use GET`);
    const { proxyHeader, access } = authEnv();
    const relayed = ["x-forwarded-for", "forwarded", "x-real-ip", proxyHeader].some((name) => req.headers[name] !== undefined);
    const scope = metricsAccess({ authorization: req.headers.authorization, remoteAddress: req.socket.remoteAddress, relayed, identity },
      metricsEnv().token, access, serverEnv().subAppIds);
    if (scope instanceof ApiError) throw scope;
    registerMirrorMetrics();
    const body = await renderExposition(metricsRegistry, scope);
    res.writeHead(200, { "content-type": metricsRegistry.contentType, "cache-control": "no-store" }).end(body);
  } catch (error) {
    const { status, headers, body } = errorAnswer(error);
    res.writeHead(status, headers).end(body);
  }
}
