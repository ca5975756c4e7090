import { describe, expect, it } from "vitest";
import { readAuthEnv } from "./auth-env";

const HASH = "$2y$04$4r8.ntCrA1uOcgbseKbW2uqPoi8ikV8eqMjojJxZO3f0ae/FEdk7W";

describe("readAuthEnv", () => {
  it("is off by default, trusting loopback proxies and the usual header", () => {
    const env = readAuthEnv({});
    expect(env).toMatchObject({ mode: "none", proxyHeader: "x-auth-request-email", access: undefined, oidc: undefined });
    expect(env.trustedProxies.has("127.0.0.1")).toBe(true);
    expect(env.trustedProxies.has("::1")).toBe(true);
    expect(env.trustedProxies.has("10.0.0.1")).toBe(false);
  });

  it("reads each mode's settings", () => {
    expect(readAuthEnv({ DASHBOARD_AUTH: "basic", DASHBOARD_USERS: `bob:${HASH}` }).users.get("bob")).toBe(HASH);
    expect(readAuthEnv({ DASHBOARD_AUTH: "oidc", OIDC_ISSUER: "https://id.example.com/realms/x", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s3cret-value" }).oidc)
      .toMatchObject({ clientId: "c", clientSecret: "s3cret-value" });
    expect(readAuthEnv({ DASHBOARD_AUTH: "proxy", DASHBOARD_PROXY_HEADER: "X-Forwarded-Email", DASHBOARD_TRUSTED_PROXIES: "10.0.0.0/8" }))
      .toMatchObject({ mode: "proxy", proxyHeader: "x-forwarded-email" });
  });

  it.each([
    [{ DASHBOARD_AUTH: "ldap" }, "DASHBOARD_AUTH"],
    [{ DASHBOARD_AUTH: "basic" }, "DASHBOARD_USERS"],
    [{ DASHBOARD_AUTH: "basic", DASHBOARD_USERS: "bob:plaintext-password" }, "DASHBOARD_USERS"],
    [{ DASHBOARD_AUTH: "oidc", OIDC_ISSUER: "https://id.example.com" }, "OIDC_CLIENT_ID, OIDC_CLIENT_SECRET"],
    [{ DASHBOARD_AUTH: "oidc", OIDC_ISSUER: "not a url", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: "s" }, "OIDC_ISSUER"],
    [{ DASHBOARD_AUTH: "proxy", DASHBOARD_TRUSTED_PROXIES: "10.0.0.0/99" }, "DASHBOARD_TRUSTED_PROXIES"],
    [{ DASHBOARD_AUTH: "proxy", DASHBOARD_PROXY_HEADER: "X Bad: header" }, "DASHBOARD_PROXY_HEADER"],
    [{ DASHBOARD_AUTH: "proxy", DASHBOARD_ACCESS: "bob" }, "DASHBOARD_ACCESS"],
    [{ DASHBOARD_ACCESS: "bob=1" }, "DASHBOARD_ACCESS needs a sign-in mode"],
  ])("refuses %j naming %s", (source, name) => {
    expect(() => readAuthEnv(source)).toThrow(name);
  });

  it("never repeats a secret in its errors", () => {
    for (const source of [
      { DASHBOARD_AUTH: "basic", DASHBOARD_USERS: "bob:plaintext-password" },
      { DASHBOARD_AUTH: "oidc", OIDC_CLIENT_SECRET: "plaintext-password" },
      { DASHBOARD_AUTH: "basic", DASHBOARD_USERS: `bob:${HASH.slice(0, 30)}plaintext-password` },
    ]) {
      expect(() => readAuthEnv(source)).toThrow();
      expect(() => readAuthEnv(source)).not.toThrow(/plaintext-password/);
    }
  });
});
