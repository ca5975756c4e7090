import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuthEnv, setAuthEnvForTests } from "@/lib/auth/auth-env";
import { resetServerAuthForTests } from "@/lib/auth/authenticate";
import { startEdgeRig, type EdgeRig } from "@/lib/testing/edge-rig";
import { fakeGateway, upstreamTask } from "@/lib/testing/fake-gateway";
import { crossSiteRefusal } from "./sign-in";

// Sign-out changes state, so it is a POST from the dashboard's own page: another site's link,
// image or form cannot sign anyone out. A GET only asks, with the button.

const DASHBOARD = "https://vod.example.com";
const ALICE_HASH = "$2b$04$stntrrB7YT5Ba8O0b/L6weJJOXtr4RCztT1oPCQwZFLOEf9uE8aV.";
const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`;

describe("crossSiteRefusal", () => {
  it.each([
    [{ origin: DASHBOARD, host: "vod.example.com" }],
    [{ origin: DASHBOARD, host: "10.0.0.5:3000" }],
    [{ origin: "http://127.0.0.1:3430", host: "127.0.0.1:3430" }],
    // TLS ended by a proxy in front: the browser's https origin, the request's http.
    [{ origin: "https://dash.internal", host: "dash.internal" }],
    [{ origin: "https://dash.internal", host: "dash.internal:443" }],
    [{ origin: "http://127.0.0.1:3430", host: "127.0.0.1:3430", "sec-fetch-site": "same-origin" }],
    [{ "sec-fetch-site": "same-origin", host: "127.0.0.1:3430" }],
  ])("lets the dashboard's own page through: %j", (headers) => {
    expect(crossSiteRefusal(headers, DASHBOARD)).toBeUndefined();
  });

  it.each([
    [{ origin: "https://evil.example", host: "vod.example.com" }],
    [{ origin: "https://vod.example.com.evil.example", host: "vod.example.com" }],
    [{ origin: "http://127.0.0.1:3431", host: "127.0.0.1:3430" }],
    [{ origin: "null", host: "127.0.0.1:3430" }],
    [{ origin: "", host: "127.0.0.1:3430" }],
    [{ origin: "https://vod.example.com/path", host: "vod.example.com" }],
    [{ origin: "file://", host: "127.0.0.1:3430" }],
    [{ origin: "http://127.0.0.1:3430", host: "127.0.0.1:3430", "sec-fetch-site": "cross-site" }],
    [{ origin: DASHBOARD, host: "vod.example.com", "sec-fetch-site": "same-site" }],
    [{ "sec-fetch-site": "none", host: "127.0.0.1:3430" }],
    [{ "sec-fetch-site": "cross-site", host: "127.0.0.1:3430" }],
    // Neither header: nothing says the request came from the dashboard.
    [{ host: "127.0.0.1:3430" }],
    [{ origin: "http://127.0.0.1:3430" }],
  ])("refuses with a 403: %j", (headers) => {
    expect(crossSiteRefusal(headers, DASHBOARD)).toMatchObject({ status: 403, code: "Forbidden" });
  });
});

describe("/auth/sign-out at the edge", () => {
  let rig: EdgeRig;
  const own = () => ({ origin: `http://127.0.0.1:${rig.port}` });

  beforeAll(async () => {
    rig = await startEdgeRig(fakeGateway([upstreamTask("1500000001-procedurev2-aa")]).gateway);
  });

  afterAll(() => rig.close());

  const useAuth = (env: Record<string, string>) => {
    setAuthEnvForTests(readAuthEnv(env));
    resetServerAuthForTests();
  };

  describe("oidc", () => {
    const OIDC = { DASHBOARD_AUTH: "oidc", OIDC_ISSUER: "http://127.0.0.1:9/", OIDC_CLIENT_ID: "dashboard", OIDC_CLIENT_SECRET: "client-secret-value" };

    it("a GET changes nothing: it asks, with a button that POSTs", async () => {
      useAuth(OIDC);
      const answer = await rig.get("/auth/sign-out", { cookie: "vod_session=whatever" });
      expect(answer.status).toBe(200);
      expect(answer.headers["set-cookie"]).toBeUndefined();
      expect(answer.body).toContain('<form method="post" action="/auth/sign-out"><button type="submit">Sign out</button></form>');
      expect(answer.headers["content-security-policy"]).toContain("form-action 'self'");
      expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    });

    it("a POST from the dashboard's page drops the session and goes on with a GET (303)", async () => {
      useAuth(OIDC);
      for (const headers of <Record<string, string>[]>[own(), { "sec-fetch-site": "same-origin" }, { ...own(), "sec-fetch-site": "same-origin" }]) {
        const answer = await rig.send("POST", "/auth/sign-out", { ...headers, cookie: "vod_session=whatever" });
        expect(answer.status, JSON.stringify(headers)).toBe(303);
        // The provider cannot be reached here: straight to the dashboard's own signed-out page.
        expect(answer.headers.location).toBe("/auth/signed-out");
        expect(String(answer.headers["set-cookie"])).toMatch(/^vod_session=; Path=\/; Max-Age=0; HttpOnly; SameSite=Lax/);
      }
    });

    it("a POST from another site, or one that does not say where from, is a 403 that leaves the session be", async () => {
      useAuth(OIDC);
      for (const headers of <Record<string, string>[]>[{ origin: "https://evil.example" }, { "sec-fetch-site": "cross-site" }, { ...own(), "sec-fetch-site": "cross-site" }, {}]) {
        const answer = await rig.send("POST", "/auth/sign-out", { ...headers, cookie: "vod_session=whatever" });
        expect(answer.status, JSON.stringify(headers)).toBe(403);
        expect(answer.headers["set-cookie"]).toBeUndefined();
        expect(answer.body).toContain("another site");
      }
    });

    it("other methods are a 405, and the other sign-in routes take GET only", async () => {
      useAuth(OIDC);
      const put = await rig.send("PUT", "/auth/sign-out", own());
      expect(put.status).toBe(405);
      expect(put.headers.allow).toBe("GET, HEAD, POST");
      expect((await rig.send("POST", "/auth/callback", own())).headers.allow).toBe("GET, HEAD");
      expect((await rig.send("DELETE", "/auth/sign-out", own())).status).toBe(405);
      expect((await rig.send("POST", "/auth/sign-in", own())).status).toBe(405);
      expect((await rig.send("POST", "/auth/signed-out", own())).status).toBe(405);
    });
  });

  describe("basic", () => {
    const BASIC = { DASHBOARD_AUTH: "basic", DASHBOARD_USERS: `alice:${ALICE_HASH}` };

    it("a GET asks without the 401 that would make the browser forget the password", async () => {
      useAuth(BASIC);
      const answer = await rig.get("/auth/sign-out", { authorization: basic("alice", "alice-pass") });
      expect(answer.status).toBe(200);
      expect(answer.headers["www-authenticate"]).toBeUndefined();
      expect(answer.body).toContain('method="post"');
    });

    it("a POST from the page is the 401 that does; from another site a 403 with no prompt", async () => {
      useAuth(BASIC);
      const out = await rig.send("POST", "/auth/sign-out", { ...own(), authorization: basic("alice", "alice-pass") });
      expect(out.status).toBe(401);
      expect(out.headers["www-authenticate"]).toContain("Basic");
      const forged = await rig.send("POST", "/auth/sign-out", { origin: "https://evil.example", authorization: basic("alice", "alice-pass") });
      expect(forged.status).toBe(403);
      expect(forged.headers["www-authenticate"]).toBeUndefined();
    });
  });

  describe("proxy", () => {
    it("a POST from the page goes on to the proxy's own sign-out", async () => {
      useAuth({ DASHBOARD_AUTH: "proxy", DASHBOARD_TRUSTED_PROXIES: "127.0.0.1/32" });
      const answer = await rig.send("POST", "/auth/sign-out", { ...own(), "x-auth-request-email": "alice@example.com" });
      expect(answer.status).toBe(303);
      expect(answer.headers.location).toBe("/oauth2/sign_out");
      expect((await rig.send("POST", "/auth/sign-out", { origin: "https://evil.example", "x-auth-request-email": "alice@example.com" })).status).toBe(403);
    });
  });
});
