import { clearCookie, readCookie, sessionCookie, setCookie } from "./cookies";
import { seal, sealKey, unseal } from "./seal";

/**
 * Sign-in sessions as sealed cookies (seal.ts): the identity's name and an expiry, encrypted with
 * a key derived from DASHBOARD_SECRET, so every replica sharing the secret reads them and nothing
 * on the server has to be kept. A forged, altered or expired cookie reads as signed out.
 */
export function createSessions(secret: Buffer, secure: boolean, lifetimeSeconds: number) {
  const key = sealKey(secret, "session");
  const cookie = sessionCookie(secure);
  return {
    cookie,
    /** The Set-Cookie header that signs `name` in. */
    issue(name: string, nowMs: number): string {
      return setCookie(cookie, seal({ name }, key, nowMs + lifetimeSeconds * 1_000), lifetimeSeconds);
    },
    read(cookieHeader: string | undefined, nowMs: number): string | undefined {
      const text = readCookie(cookieHeader, cookie.name);
      const value = text ? (unseal(text, key, nowMs) as { name?: unknown } | undefined) : undefined;
      return typeof value?.name === "string" ? value.name : undefined;
    },
    clear: (): string => clearCookie(cookie),
  };
}

export type Sessions = ReturnType<typeof createSessions>;
