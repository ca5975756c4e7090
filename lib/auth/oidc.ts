import "server-only";
import * as client from "openid-client";
import { ApiError } from "@/lib/api/errors";
import { logEvent } from "@/lib/log";
import type { OidcSettings } from "./auth-env";
import { seal, sealKey, unseal } from "./seal";

/** How long a sign-in may take at the provider. */
export const FLOW_SECONDS = 600;
/** How long a session lasts before the provider is asked again. */
export const SESSION_SECONDS = 12 * 3_600;

interface Flow {
  verifier: string;
  state: string;
  nonce: string;
  /** The dashboard path to return to. */
  next: string;
}

const isLoopback = (url: URL) => ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);

/** A path on this dashboard to return to after sign-in; anything else (another origin) reads as `/`. */
export function safeReturnPath(next: string | null | undefined): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/auth/")) return "/";
  return next.length > 2_000 ? "/" : next;
}

/**
 * `oidc` sign-in against any OpenID Connect provider: authorization code with PKCE (S256), state and
 * nonce, the client authenticating with its secret. The provider's metadata is discovered once, on
 * first use, and again after a failure. Plain http is accepted only for a provider on loopback
 * (a local test provider).
 */
export function createOidc(settings: OidcSettings, dashboardUrl: URL, secret: Buffer) {
  const flowKey = sealKey(secret, "sign-in flow");
  const redirectUri = new URL("/auth/callback", dashboardUrl).href;
  let config: Promise<client.Configuration> | undefined;

  function discover(): Promise<client.Configuration> {
    config ??= client.discovery(settings.issuer, settings.clientId, undefined, client.ClientSecretBasic(settings.clientSecret),
      settings.issuer.protocol === "http:" && isLoopback(settings.issuer) ? { execute: [client.allowInsecureRequests] } : undefined)
      .catch((error: unknown) => {
        config = undefined;
        logEvent("error", "OIDC discovery failed", { error: error instanceof Error ? error.message : String(error) });
        throw new ApiError("UpstreamUnavailable", "The sign-in provider (OIDC_ISSUER) could not be reached; try again shortly.");
      });
    return config;
  }

  return {
    /** Where to send the browser to sign in, and the sealed flow state to keep in a cookie meanwhile. */
    async start(next: string, nowMs: number): Promise<{ url: URL; flow: string }> {
      const flow: Flow = { verifier: client.randomPKCECodeVerifier(), state: client.randomState(), nonce: client.randomNonce(), next: safeReturnPath(next) };
      const url = client.buildAuthorizationUrl(await discover(), {
        redirect_uri: redirectUri,
        scope: "openid email profile",
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: "S256",
        state: flow.state,
        nonce: flow.nonce,
      });
      return { url, flow: seal(flow, flowKey, nowMs + FLOW_SECONDS * 1_000) };
    },

    /**
     * The provider's answer at /auth/callback, checked against the flow's cookie: the identity
     * (e-mail, else preferred user name, else subject) and where to return. Anything wrong is a 401
     * that says what, never the provider's raw error or a token.
     */
    async finish(callbackUrl: URL, flowCookie: string | undefined, nowMs: number): Promise<{ name: string; next: string }> {
      const flow = flowCookie ? (unseal(flowCookie, flowKey, nowMs) as Flow | undefined) : undefined;
      if (!flow) throw new ApiError("Unauthenticated", "The sign-in expired or was started in another browser; sign in again.");
      const providerError = callbackUrl.searchParams.get("error");
      if (providerError) throw new ApiError("Unauthenticated", `The sign-in provider refused the sign-in (${providerError.slice(0, 64).replace(/[^\w.-]/g, "")}).`);
      const currentUrl = new URL(redirectUri);
      currentUrl.search = callbackUrl.search;
      let claims: Record<string, unknown> | undefined;
      try {
        const configuration = await discover();
        const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
          pkceCodeVerifier: flow.verifier, expectedState: flow.state, expectedNonce: flow.nonce, idTokenExpected: true,
        });
        claims = tokens.claims();
        // Providers that keep the ID token lean give the e-mail only from their userinfo endpoint.
        if (claims && !claims.email && !claims.preferred_username && configuration.serverMetadata().userinfo_endpoint) {
          claims = { ...claims, ...(await client.fetchUserInfo(configuration, tokens.access_token, String(claims.sub))) };
        }
      } catch (error) {
        if (error instanceof ApiError) throw error;
        logEvent("warn", "OIDC sign-in refused", { error: error instanceof Error ? error.message : String(error) });
        throw new ApiError("Unauthenticated", "The sign-in could not be completed (the provider's answer did not check out); sign in again.");
      }
      const name = [claims?.email, claims?.preferred_username, claims?.sub].find((value): value is string => typeof value === "string" && value !== "");
      if (!name) throw new ApiError("Unauthenticated", "The sign-in provider named no identity.");
      return { name, next: flow.next };
    },

    /** The provider's sign-out page when it has one (RP-initiated logout), returning to `returnTo`. */
    async endSessionUrl(returnTo: string): Promise<URL | undefined> {
      try {
        const configuration = await discover();
        if (!configuration.serverMetadata().end_session_endpoint) return undefined;
        return client.buildEndSessionUrl(configuration, { client_id: settings.clientId, post_logout_redirect_uri: returnTo });
      } catch {
        return undefined;
      }
    },
  };
}

export type Oidc = ReturnType<typeof createOidc>;
