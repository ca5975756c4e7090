import "server-only";
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from "node:http";
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

/** A form on a sign-in page: a button that POSTs to one of the dashboard's own paths. */
interface PageForm {
  action: string;
  label: string;
}

/** A small page of its own (no script, no Next.js): what the sign-in routes show a person. */
function page(res: ServerResponse, status: number, title: string, text: string, link?: { href: string; label: string }, headers: Record<string, string | string[]> = {}, form?: PageForm): void {
  const body = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<title>${escapeHtml(title)} · VOD tasks</title><style>body{font:16px system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}</style></head>`
    + `<body><main><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`
    + (form ? `<form method="post" action="${escapeHtml(form.action)}"><button type="submit">${escapeHtml(form.label)}</button></form>` : "")
    + (link ? `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>` : "") + `</main></body></html>`;
  res.writeHead(status, { ...PAGE_HEADERS, ...headers }).end(body);
}

/** 302 after a GET; 303 (See Other: the browser follows with a GET) after a POST. */
function redirect(res: ServerResponse, location: string, cookies: string[] = [], status: 302 | 303 = 302): void {
  res.writeHead(status, { location, "cache-control": "no-store", ...(cookies.length ? { "set-cookie": cookies } : {}) }).end();
}

/** The path that signs out: a POST from the dashboard's own pages; a GET only asks (signOutConfirmation). */
export const SIGN_OUT_PATH = "/auth/sign-out";

function sameOrigin(origin: string, host: string | undefined, dashboardOrigin: string): boolean {
  if (origin === dashboardOrigin) return true;
  try {
    const from = new URL(origin);
    if (from.origin !== origin || (from.protocol !== "http:" && from.protocol !== "https:") || !host) return false;
    // The scheme is not compared: behind a proxy that ends TLS the request arrives over http.
    return new URL(`${from.protocol}//${host}`).host === from.host;
  } catch {
    return false;
  }
}

/**
 * Whether a POST came from one of the dashboard's own pages, not from another site's form: the
 * browser says so in `Sec-Fetch-Site` (same-origin) or `Origin` (the dashboard's URL, or the host the
 * request was sent to, which the Host check has already allowed). Either one saying otherwise, or
 * neither saying anything, is a 403. The session cookie is SameSite=Lax, so a modern browser sends
 * no cookie with another site's POST anyway; this check covers a password the browser remembers
 * (`basic`) and older browsers. Returns the refusal.
 */
export function crossSiteRefusal(headers: IncomingHttpHeaders, dashboardOrigin: string): ApiError | undefined {
  const site = headers["sec-fetch-site"];
  const origin = headers.origin;
  const refusal = new ApiError("Forbidden", "Sign out from the dashboard's own page: this request came from another site, or did not say where it came from.");
  if (site !== undefined && site !== "same-origin") return refusal;
  if (origin !== undefined) return sameOrigin(origin, headers.host, dashboardOrigin) ? undefined : refusal;
  return site === "same-origin" ? undefined : refusal;
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

const signedOutUrl = () => new URL("/auth/signed-out", dashboardEnv().url).href;

/**
 * GET /auth/sign-out changes nothing: it asks, with a button that POSTs here (a link or an image
 * on another site can make a browser GET this path, never make it press the button). Under `oidc`
 * the page's policy lets that form go on to the provider's sign-out, where the POST's answer leads.
 */
async function signOutConfirmation(res: ServerResponse): Promise<void> {
  const { mode, oidc } = serverAuth();
  if (mode === "none") return redirect(res, "/");
  const provider = mode === "oidc" ? await oidc?.endSessionUrl(signedOutUrl()) : undefined;
  const csp = PAGE_HEADERS["content-security-policy"].replace("form-action 'self'", `form-action 'self'${provider ? ` ${provider.origin}` : ""}`);
  page(res, 200, "Sign out", "Sign out of the VOD task dashboard?", { href: "/", label: "Back to the dashboard" },
    { "content-security-policy": csp }, { action: SIGN_OUT_PATH, label: "Sign out" });
}

/** POST /auth/sign-out, from the dashboard's own page (crossSiteRefusal first). */
async function signOut(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const refusal = crossSiteRefusal(req.headers, dashboardEnv().url.origin);
  if (refusal) throw refusal;
  const { mode, oidc, sessions } = serverAuth();
  if (mode === "oidc" && sessions) {
    const provider = await oidc?.endSessionUrl(signedOutUrl());
    return redirect(res, provider?.href ?? "/auth/signed-out", [sessions.clear()], 303);
  }
  if (mode === "basic") {
    // The browser forgets a password the server refuses: a 401 here is how basic sign-in signs out.
    return page(res, 401, "Signed out", "You have signed out. Close this tab, or sign in again.", { href: "/", label: "Sign in again" },
      { "www-authenticate": unauthenticated().challenge! });
  }
  if (mode === "proxy") return redirect(res, PROXY_SIGN_OUT, [], 303);
  redirect(res, "/", [], 303);
}

/**
 * The sign-in routes, answered here at the edge rather than by Next.js: /auth/sign-in,
 * /auth/callback (the provider's return), /auth/sign-out (POST signs out; GET asks) and /auth/signed-out.
 * Every one but the sign-out takes GET only; any other method is a 405.
 */
export async function answerAuthPath(req: IncomingMessage, res: ServerResponse, target: string, identity: Identity | null): Promise<void> {
  const url = new URL(target, "http://dashboard.invalid");
  try {
    const read = req.method === "GET" || req.method === "HEAD";
    if (url.pathname === SIGN_OUT_PATH && req.method === "POST") return await signOut(req, res);
    if (!read) {
      const allowed = url.pathname === SIGN_OUT_PATH ? "GET or POST" : "GET";
      throw new ApiError("MethodNotAllowed", `${req.method} is not allowed here; use ${allowed}`);
    }
    switch (url.pathname) {
      case "/auth/sign-in": return await signIn(res, url, identity);
      case "/auth/callback": return await callback(req, res, url);
      case SIGN_OUT_PATH: return await signOutConfirmation(res);
      case "/auth/signed-out": return page(res, 200, "Signed out", "You have signed out of the VOD task dashboard.", { href: "/", label: "Sign in again" });
      default: throw new ApiError("NotFound", `No sign-in route at ${url.pathname}`);
    }
  } catch (error) {
    if (error instanceof ApiError && error.status < 500) {
      const allow = error.code === "MethodNotAllowed" ? { allow: url.pathname === SIGN_OUT_PATH ? "GET, HEAD, POST" : "GET, HEAD" } : undefined;
      return page(res, error.status, "Sign-in", error.message, { href: "/", label: "Back to the dashboard" }, allow);
    }
    logEvent("error", "sign-in route failed", { error: error instanceof Error ? error.message : String(error) });
    page(res, 502, "Sign-in unavailable", "The sign-in could not be started or completed; try again shortly.", { href: "/", label: "Back to the dashboard" });
  }
}
