import "server-only";
import type { IncomingMessage } from "node:http";
import { RateLimiterMemory } from "rate-limiter-flexible";
import { ApiError } from "@/lib/api/errors";
import { dashboardEnv } from "@/lib/config/dashboard-env";
import type { Identity } from "@/lib/auth/identity";
import { clientCaller, type Caller } from "@/lib/vod/caller";
import { upstreamBudget } from "@/lib/vod/upstream";
import { isAllowedHost } from "./host-check";

/** Page renders one client may ask for in a minute: far above a person's, far below a flood's. */
export const PAGE_RENDERS_PER_MINUTE = 120;

const pageRenders = new RateLimiterMemory({ points: PAGE_RENDERS_PER_MINUTE, duration: 60 });

/**
 * Who a request is from, for its share of the upstream budget: its identity once signed in (behind
 * an authenticating proxy every request comes from one address), else its address.
 */
export function callerOf(req: IncomingMessage, identity: Identity | null = null): Caller {
  if (identity && identity.via !== "none") return clientCaller(`identity:${identity.name}`);
  const address = req.socket.remoteAddress ?? "unknown";
  return clientCaller(address.startsWith("::ffff:") ? address.slice(7) : address);
}

/** Open to a signed-out caller: the load balancer's health check, the sign-in routes, and static assets (never data). */
export function isOpenWhenSignedOut(target: string): boolean {
  const path = target.split("?", 1)[0];
  return path === "/api/health" || path === "/auth" || path.startsWith("/auth/") || path.startsWith("/_next/static/") || path === "/favicon.ico";
}

const isPageRender = (target: string) => !target.startsWith("/_next/") && !target.startsWith("/api/") && target !== "/api" && target !== "/favicon.ico";

/**
 * The Host check, first of all: a request naming a host this dashboard is not is refused before
 * anything else is spent on it (a sign-in check included).
 */
export function refusalForHost(req: IncomingMessage): ApiError | undefined {
  const env = dashboardEnv();
  if (!isAllowedHost(req.headers.host, { url: env.url, allowedHosts: env.allowedHosts })) {
    return new ApiError("MisdirectedRequest", "This dashboard does not answer for that host name; set DASHBOARD_URL or DASHBOARD_ALLOWED_HOSTS to add it.");
  }
  return undefined;
}

/**
 * What every request meets before any route or page, after the Host check and sign-in: its
 * client's fair share. An API request from a client whose upstream requests already queue is
 * refused here, before it can add to the queue; a client rendering pages faster than a person
 * could is refused before Next.js spends a render on it. Returns the refusal, or undefined to go on.
 */
export async function refusalAtEdge(req: IncomingMessage, target: string, caller: Caller): Promise<ApiError | undefined> {
  if (!isPageRender(target)) {
    const budget = upstreamBudget();
    if (budget.waitingFor(caller.key) >= budget.maxWaitingPerClient) {
      return new ApiError("RateLimited", "Too many of this client's requests are waiting for the upstream; try again shortly.", { retryAfterSeconds: 1 });
    }
    return undefined;
  }
  try {
    await pageRenders.consume(caller.key);
    return undefined;
  } catch {
    return new ApiError("RateLimited", "Too many page loads from this client; try again in a minute.", { retryAfterSeconds: 60 });
  }
}
