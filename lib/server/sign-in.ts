import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "@/lib/api/errors";
import { serverAuth } from "@/lib/auth/authenticate";
import { clearCookie, flowCookie, readCookie, setCookie } from "@/lib/auth/cookies";
import { unauthenticated, type Identity } from "@/lib/auth/identity";
import { FLOW_SECONDS, safeReturnPath } from "@/lib/auth/oidc";
import { dashboardEnv } from "@/lib/config/dashboard-env";
import { logEvent } from "@/lib/log";

/** oauth2-proxy's sign-out path, under the dashboard's own origin when it sits in front. */
export const PROXY_SIGN_OUT = "/oauth2/sign_out";

export const isAuthPath = (target: string) => target === "/auth" || target.startsWith("/auth/") || target.startsWith("/auth?");

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const PAGE_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; form-action 'self'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** A small page of its own (no script, no Next.js): what the sign-in routes show a person. */
function page(res: ServerResponse, status: number, title: string, text: string, link?: { href: string; label: string }, headers: Record<string, string | string[]> = {}): void {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${escapeHtml(title)} · VOD tasks</title><style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}</style></head>`
    + `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`
    + (link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : "") + `</main></body></html>`;
  res.writeHead(status, { ...PAGE_HEADERS, ...headers }).end(body);
}

function redirect(res: ServerResponse, location: string, cookies: string[] = []): void {
  res.writeHead(302, { location, "cache-control": "no-store", ...(cookies.length ? { "set-cookie": cookies } : {}) }).end();
}

/**
 * A page asked for by someone not signed in: with `oidc`, a redirect to sign-in that returns to the
 * page; with `basic`, the browser's own sign-in prompt (a 401 with its challenge); with `proxy`, a
 * 401 saying to come through the proxy.
 */
export function answerSignedOutPage(res: ServerResponse, target: string): void {
  const { mode } = serverAuth();
  if (mode === "oidc") return redirect(res, `/auth/sign-in?next=${encodeURIComponent(safeReturnPath(target))}`);
  if (mode === "basic") {
    return page(res, 401, "Sign in", "This dashboard needs a user name and password.", { href: "/", label: "Try again" },
      { "www-authenticate": unauthenticated().challenge! });
  }
  return page(res, 401, "Sign in", "This dashboard is signed in to through its authenticating proxy; open it through the proxy's address.");
}

async function signIn(res: ServerResponse, url: URL, identity: Identity | null): Promise<void> {
  const { mode, oidc } = serverAuth();
  const next = safeReturnPath(url.searchParams.get("next"));
  if (identity) return redirect(res, next);
  if (mode === "basic") return answerSignedOutPage(res, next);
  if (mode !== "oidc" || !oidc) return answerSignedOutPage(res, next);
  const started = await oidc.start(next, Date.now());
  const secure = dashboardEnv().url.protocol === "https:";
  redirect(res, started.url.href, [setCookie(flowCookie(secure), started.flow, FLOW_SECONDS)]);
}

async function callback(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const { oidc, sessions } = serverAuth();
  if (!oidc || !sessions) throw new ApiError("NotFound", "Sign-in with an OpenID Connect provider is not configured (DASHBOARD_AUTH=oidc).");
  const secure = dashboardEnv().url.protocol === "https:";
  const flow = flowCookie(secure);
  try {
    const { name, next } = await oidc.finish(url, readCookie(req.headers.cookie, flow.name), Date.now());
    redirect(res, next, [sessions.issue(name, Date.now()), clearCookie(flow)]);
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) throw error;
    page(res, error.status, "Sign-in failed", error.message, { href: "/auth/sign-in", label: "Sign in again" }, { "set-cookie": clearCookie(flow) });
  }
}

async function signOut(res: ServerResponse): Promise<void> {
  const { mode, oidc, sessions } = serverAuth();
  if (mode === "oidc" && sessions) {
    const provider = await oidc?.endSessionUrl(new URL("/auth/signed-out", dashboardEnv().url).href);
    return redirect(res, provider?.href ?? "/auth/signed-out", [sessions.clear()]);
  }
  if (mode === "basic") {
    // The browser forgets a password the server refuses: a 401 here is how basic sign-in signs out.
    return page(res, 401, "Signed out", "You have signed out. Close this tab, or sign in again.", { href: "/", label: "Sign in again" },
      { "www-authenticate": unauthenticated().challenge! });
  }
  if (mode === "proxy") return redirect(res, PROXY_SIGN_OUT);
  redirect(res, "/");
}

/**
 * The sign-in routes, answered here at the edge rather than by Next.js: /auth/sign-in,
 * /auth/callback (the provider's return), /auth/sign-out and /auth/signed-out.
 */
export async function answerAuthPath(req: IncomingMessage, res: ServerResponse, target: string, identity: Identity | null): Promise<void> {
  const url = new URL(target, "http://dashboard.invalid");
  try {
    if (req.method !== "GET" && req.method !== "HEAD") throw new ApiError("MethodNotAllowed", `${req.method} is not allowed here; use GET`);
    switch (url.pathname) {
      case "/auth/sign-in": return await signIn(res, url, identity);
      case "/auth/callback": return await callback(req, res, url);
      case "/auth/sign-out": return await signOut(res);
      case "/auth/signed-out": return page(res, 200, "Signed out", "You have signed out of the VOD task dashboard.", { href: "/", label: "Sign in again" });
      default: throw new ApiError("NotFound", `No sign-in route at ${url.pathname}`);
    }
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) return page(res, error.status, "Sign-in", error.message, { href: "/", label: "Back to the dashboard" });
    logEvent("error", "sign-in route failed", { error: error instanceof Error ? error.message : String(error) });
    page(res, 502, "Sign-in unavailable", "The sign-in could not be started or completed; try again shortly.", { href: "/", label: "Back to the dashboard" });
  }
}
