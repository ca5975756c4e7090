import "server-only";
import type { IncomingMessage } from "node:http";
import { dashboardEnv } from "@/lib/config/dashboard-env";
import { dashboardSecret } from "@/lib/config/dashboard-secret";
import { authEnv } from "./auth-env";
import { createBasicVerifier } from "./basic";
import { ANONYMOUS, type Identity } from "./identity";
import { createOidc, SESSION_SECONDS, type Oidc } from "./oidc";
import { identityFromProxy } from "./proxy";
import { createSessions, type Sessions } from "./session";

/** The sign-in machinery of the configured mode, made once per process. */
function createAuth() {
  const env = authEnv();
  const { url } = dashboardEnv();
  const basic = env.mode === "basic" ? createBasicVerifier(env.users) : undefined;
  const sessions: Sessions | undefined = env.mode === "oidc" ? createSessions(dashboardSecret(), url.protocol === "https:", SESSION_SECONDS) : undefined;
  const oidc: Oidc | undefined = env.oidc && env.mode === "oidc" ? createOidc(env.oidc, url, dashboardSecret()) : undefined;

  /**
   * Who sent the request, from what its mode believes: null when nobody is signed in. Throws
   * RateLimited for a name or address locked out after failed passwords.
   */
  async function identify(req: IncomingMessage): Promise<Identity | null> {
    const address = req.socket.remoteAddress ?? "unknown";
    switch (env.mode) {
      case "none":
        return ANONYMOUS;
      case "basic": {
        const result = await basic!.verify(req.headers.authorization, address);
        return typeof result === "object" ? { name: result.name, via: "basic" } : null;
      }
      case "proxy": {
        const name = identityFromProxy(req.headers[env.proxyHeader], address, env.trustedProxies);
        return name ? { name, via: "proxy" } : null;
      }
      case "oidc": {
        const name = sessions!.read(req.headers.cookie, Date.now());
        return name ? { name, via: "oidc" } : null;
      }
    }
  }

  return { mode: env.mode, identify, sessions, oidc };
}

let auth: ReturnType<typeof createAuth> | undefined;

export function serverAuth(): ReturnType<typeof createAuth> {
  auth ??= createAuth();
  return auth;
}

/** For tests: forgets the machinery, so the next call builds it from the (test's) settings. */
export function resetServerAuthForTests(): void {
  auth = undefined;
}
