import "server-only";
import { z } from "zod";
import { redactFromLogs } from "@/lib/log";
import { parseAccess, type AccessRules } from "./access";
import { parseCidrs, type AddressSet } from "./cidr";
import { parseUsers, type Users } from "./users";

export const AUTH_MODES = ["none", "basic", "oidc", "proxy"] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

export interface OidcSettings {
  issuer: URL;
  clientId: string;
  clientSecret: string;
}

/** How the dashboard knows who is asking (CONTRACT §7). */
export interface AuthEnv {
  mode: AuthMode;
  /** For `basic`. */
  users: Users;
  /** For `oidc`. */
  oidc: OidcSettings | undefined;
  /** For `proxy`: the identity header (lower case) and the addresses it is believed from. */
  proxyHeader: string;
  trustedProxies: AddressSet;
  access: AccessRules;
}

const schema = z.object({
  DASHBOARD_AUTH: z.enum(AUTH_MODES, { error: `must be one of ${AUTH_MODES.join(", ")}` }).default("none"),
  DASHBOARD_USERS: z.string().optional(),
  OIDC_ISSUER: z.url({ protocol: /^https?$/, error: "must be the provider's issuer URL" }).optional(),
  OIDC_CLIENT_ID: z.string().trim().optional(),
  OIDC_CLIENT_SECRET: z.string().trim().optional(),
  DASHBOARD_PROXY_HEADER: z.string().trim().regex(/^[A-Za-z0-9-]{1,64}$/, "must be an HTTP header name such as X-Auth-Request-Email").default("X-Auth-Request-Email"),
  DASHBOARD_TRUSTED_PROXIES: z.string().default("127.0.0.1/32,::1/128"),
  DASHBOARD_ACCESS: z.string().optional(),
});

/** A variable's own parser throws with the variable's name first; zod's issues get it prepended. */
function named<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new Error(`Invalid configuration: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Reads the sign-in settings. An invalid one is an error naming the variable, never a secret's
 * value (a hash or the client secret); the secrets are registered with the log's scrubber.
 */
export function readAuthEnv(source: Record<string, string | undefined> = process.env): AuthEnv {
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    throw new Error(`Invalid configuration: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}`);
  }
  const env = parsed.data;
  const mode = env.DASHBOARD_AUTH;
  const users = env.DASHBOARD_USERS ? named(() => parseUsers(env.DASHBOARD_USERS!)) : new Map<string, string>();
  for (const hash of users.values()) redactFromLogs(hash);
  redactFromLogs(env.OIDC_CLIENT_SECRET);
  if (mode === "basic" && users.size === 0) throw new Error("Invalid configuration: DASHBOARD_AUTH=basic needs DASHBOARD_USERS (user:bcrypt-hash,...)");
  let oidc: OidcSettings | undefined;
  if (mode === "oidc") {
    const missing = (["OIDC_ISSUER", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"] as const).filter((name) => !env[name]);
    if (missing.length) throw new Error(`Invalid configuration: DASHBOARD_AUTH=oidc needs ${missing.join(", ")}`);
    oidc = { issuer: new URL(env.OIDC_ISSUER!), clientId: env.OIDC_CLIENT_ID!, clientSecret: env.OIDC_CLIENT_SECRET! };
  }
  const access = env.DASHBOARD_ACCESS ? named(() => parseAccess(env.DASHBOARD_ACCESS!)) : undefined;
  if (access && mode === "none") throw new Error("Invalid configuration: DASHBOARD_ACCESS needs a sign-in mode: set DASHBOARD_AUTH to basic, oidc or proxy");
  return {
    mode,
    users,
    oidc,
    proxyHeader: env.DASHBOARD_PROXY_HEADER.toLowerCase(),
    trustedProxies: named(() => parseCidrs(env.DASHBOARD_TRUSTED_PROXIES, "DASHBOARD_TRUSTED_PROXIES")),
    access,
  };
}

let cached: AuthEnv | undefined;

export function authEnv(): AuthEnv {
  cached ??= readAuthEnv();
  return cached;
}

/** Lets tests run the server's code under a sign-in mode of their choosing; undefined: the environment's. */
export function setAuthEnvForTests(env: AuthEnv | undefined): void {
  cached = env;
}
