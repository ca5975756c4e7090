import type { Server } from "node:http";
import Provider from "oidc-provider";
import { freePort } from "./server-process";

export interface TestOidcProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * A real OpenID Connect provider (oidc-provider) on a free loopback port, for one dashboard: its
 * development login form takes any user name and password, and an account `alice` has the e-mail
 * alice@example.com (given by the userinfo endpoint, the ID token staying lean, as many providers do).
 */
export async function startOidcProvider(dashboardUrl: string): Promise<TestOidcProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = "vod-dashboard";
  const clientSecret = `test-client-secret-${Math.random().toString(36).slice(2)}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [`${dashboardUrl}/auth/callback`],
      post_logout_redirect_uris: [`${dashboardUrl}/auth/signed-out`],
      grant_types: ["authorization_code"],
      response_types: ["code"],
    }],
    pkce: { required: () => true },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["preferred_username"] },
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id, email: `${id}@example.com`, email_verified: true, preferred_username: id }) }),
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
    cookies: { keys: ["a test provider's cookie key"] },
  });
  // The development interactions warn on stdout at every start; the test's output stays readable.
  provider.on("server_error", (_ctx: unknown, error: Error) => console.error("oidc-provider:", error.message));
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, "127.0.0.1", () => resolve(listening));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
