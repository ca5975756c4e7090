/** A cookie's name and attributes, written once for every cookie the dashboard sets. */
export interface CookieSpec {
  name: string;
  path: string;
  /** Only over https: the dashboard's public URL is https. */
  secure: boolean;
}

/**
 * The session cookie: `__Host-` over https (the browser then refuses it from a sub-domain or over
 * plain http), HttpOnly (no script reads it), SameSite=Lax (sent on a link followed from another
 * site, as the sign-in's return from the provider needs; never on another site's form or fetch).
 */
export function sessionCookie(secure: boolean): CookieSpec {
  return { name: secure ? "__Host-vod_session" : "vod_session", path: "/", secure };
}

/** The sign-in's own short-lived state (PKCE verifier, state, nonce, where to return), for the callback only. */
export function flowCookie(secure: boolean): CookieSpec {
  return { name: secure ? "__Secure-vod_signin" : "vod_signin", path: "/auth/callback", secure };
}

export function setCookie(spec: CookieSpec, value: string, maxAgeSeconds: number): string {
  return [`${spec.name}=${value}`, `Path=${spec.path}`, `Max-Age=${Math.max(0, Math.floor(maxAgeSeconds))}`, "HttpOnly", "SameSite=Lax",
    ...(spec.secure ? ["Secure"] : [])].join("; ");
}

export function clearCookie(spec: CookieSpec): string {
  return setCookie(spec, "", 0);
}

/** One cookie's value from a Cookie header; undefined when absent (or given twice: a planted duplicate). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  const values = header.split(";").map((part) => part.trim()).filter((part) => part.startsWith(`${name}=`)).map((part) => part.slice(name.length + 1));
  return values.length === 1 ? values[0] : undefined;
}
