import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { ApiError } from "@/lib/api/errors";
import { maySee, scopeOf, type AppScope } from "./access";
import { authEnv, type AuthMode } from "./auth-env";

/** Who is asking, once signed in. `name` is what the identity is known by (an e-mail, a user name). */
export interface Identity {
  name: string;
  via: AuthMode;
}

/** With DASHBOARD_AUTH=none, everyone is this one, who sees every app. */
export const ANONYMOUS: Identity = { name: "anonymous", via: "none" };

/** null: the edge found no identity (signed out). */
const storage = new AsyncLocalStorage<Identity | null>();

/** Runs `work` (a request's route or page render, and everything it starts) as `identity`. */
export function runSignedIn<T>(identity: Identity | null, work: () => T): T {
  return storage.run(identity, work);
}

/**
 * The identity of the request being served. Outside any request (tests, scripts) nobody has
 * signed in, which is everyone without a sign-in mode and no one with one.
 */
export function currentIdentity(): Identity | undefined {
  const stored = storage.getStore();
  if (stored !== undefined) return stored ?? undefined;
  return authEnv().mode === "none" ? ANONYMOUS : undefined;
}

export function unauthenticated(): ApiError {
  const basic = authEnv().mode === "basic";
  return new ApiError("Unauthenticated", "Sign in first: this dashboard needs a signed-in identity.", {
    challenge: basic ? 'Basic realm="VOD task dashboard", charset="UTF-8"' : undefined,
  });
}

/** The signed-in identity, or a 401. */
export function requireIdentity(): Identity {
  const identity = currentIdentity();
  if (!identity) throw unauthenticated();
  return identity;
}

/** The apps the signed-in identity may see (DASHBOARD_ACCESS); a 401 when signed out. */
export function currentScope(): AppScope {
  return scopeOf(requireIdentity().name, authEnv().access);
}

/**
 * The offered SubAppIds the signed-in identity may see, in their configured order. With none
 * configured (a live account's default app), an identity limited to some apps sees those.
 */
export function visibleSubAppIds(offered: readonly number[]): number[] {
  const scope = currentScope();
  if (scope === "all") return [...offered];
  return offered.length ? offered.filter((id) => scope.has(id)) : [...scope].sort((a, b) => a - b);
}

/**
 * Refuses, with a 403, a `subAppId` parameter the signed-in identity may not see, before anything
 * reads that app's data; and refuses an identity that may see no app at all. A malformed value
 * is left to the parameter's own parser (a 400).
 */
export function checkSubAppIdParam(params: URLSearchParams, offered: readonly number[]): void {
  const scope = currentScope();
  if (scope === "all") return;
  const raw = params.get("subAppId")?.trim();
  if (raw && /^\d{1,16}$/.test(raw) && !maySee(scope, Number(raw))) throw forbidden(`subAppId: ${raw} is not an application you may see`);
  if (visibleSubAppIds(offered).length === 0) throw forbidden("You may see no application of this dashboard; ask for one in DASHBOARD_ACCESS.");
}

export function forbidden(message: string): ApiError {
  return new ApiError("Forbidden", message);
}
