import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { readAuthEnv, setAuthEnvForTests } from "@/lib/auth/auth-env";
import { resetServerAuthForTests } from "@/lib/auth/authenticate";
import { FAILURES_BEFORE_LOCKOUT } from "@/lib/auth/basic";
import { startEdgeRig, type EdgeRig } from "@/lib/testing/edge-rig";
import { fakeGateway, upstreamTask } from "@/lib/testing/fake-gateway";

// Sign-in at the edge, as the production server runs it (pages stubbed): every page and route
// meets it before anything else is spent.

const ALICE_HASH = "$2b$04$stntrrB7YT5Ba8O0b/L6weJJOXtr4RCztT1oPCQwZFLOEf9uE8aV.";
const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`;

let rig: EdgeRig;

const get = (path: string, headers: Record<string, string> = {}, from = "127.0.0.1") => rig.get(path, headers, from);

function useAuth(env: Record<string, string>): void {
  setAuthEnvForTests(readAuthEnv(env));
  resetServerAuthForTests();
}

beforeAll(async () => {
  rig = await startEdgeRig(fakeGateway([upstreamTask("1500000001-procedurev2-aa")]).gateway);
});

afterAll(() => rig.close());

describe("basic", () => {
  beforeEach(() => useAuth({ DASHBOARD_AUTH: "basic", DASHBOARD_USERS: `alice:${ALICE_HASH}` }));

  it("asks a signed-out browser for its password, on pages and routes alike", async () => {
    const pageAnswer = await get("/oncall");
    expect(pageAnswer.status).toBe(401);
    expect(pageAnswer.headers["www-authenticate"]).toBe('Basic realm="VOD task dashboard", charset="UTF-8"');
    expect(pageAnswer.body).not.toContain("a page");
    const api = await get("/api/tasks");
    expect(api.status).toBe(401);
    expect(api.headers["www-authenticate"]).toContain("Basic");
    expect(JSON.parse(api.body).error.code).toBe("Unauthenticated");
    expect((await get("/api/nowhere")).status).toBe(401);
  });

  it("lets the right password in, and not a wrong one", async () => {
    expect((await get("/", { authorization: basic("alice", "alice-pass") })).body).toBe("a page");
    expect((await get("/api/tasks", { authorization: basic("alice", "alice-pass") })).status).toBe(200);
    expect((await get("/api/me", { authorization: basic("alice", "alice-pass") })).body).toBe('{"identity":"alice","mode":"basic","signOut":"/auth/sign-out"}');
    expect((await get("/api/tasks", { authorization: basic("alice", "wrong") }, "127.0.0.4")).status).toBe(401);
  });

  it("keeps /api/health open, saying only its status", async () => {
    const answer = await get("/api/health");
    expect(answer.status).toBe(200);
    expect(Object.keys(JSON.parse(answer.body))).toEqual(["status"]);
    expect(Object.keys(JSON.parse((await get("/api/health", { authorization: basic("alice", "alice-pass") })).body))).toContain("subAppIds");
  });

  it("locks out after repeated failures with a 429, and signs out with a 401", async () => {
    for (let i = 0; i < FAILURES_BEFORE_LOCKOUT; i++) expect((await get("/api/tasks", { authorization: basic("alice", `guess${i}`) }, "127.0.0.5")).status).toBe(401);
    const locked = await get("/api/tasks", { authorization: basic("alice", "alice-pass") }, "127.0.0.5");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(0);
    // Signing out is a POST from the dashboard's own page; its 401 makes the browser forget the password.
    const signOut = await rig.send("POST", "/auth/sign-out", { authorization: basic("alice", "alice-pass"), origin: `http://127.0.0.1:${rig.port}` }, "127.0.0.6");
    expect(signOut.status).toBe(401);
    expect(signOut.headers["www-authenticate"]).toContain("Basic");
  });
});

describe("proxy", () => {
  beforeEach(() => useAuth({ DASHBOARD_AUTH: "proxy", DASHBOARD_PROXY_HEADER: "X-Forwarded-Email", DASHBOARD_TRUSTED_PROXIES: "127.0.0.1/32" }));

  it("believes the header from the trusted proxy", async () => {
    expect((await get("/", { "x-forwarded-email": "alice@example.com" })).body).toBe("a page");
    expect(JSON.parse((await get("/api/me", { "x-forwarded-email": "alice@example.com" })).body).identity).toBe("alice@example.com");
  });

  it("ignores the same header from any other address", async () => {
    const spoofed = await get("/api/tasks", { "x-forwarded-email": "alice@example.com" }, "127.0.0.7");
    expect(spoofed.status).toBe(401);
    expect(spoofed.headers["www-authenticate"]).toBeUndefined();
    expect((await get("/", { "x-forwarded-email": "alice@example.com" }, "127.0.0.7")).status).toBe(401);
    expect((await get("/", { "x-auth-request-email": "alice@example.com" })).status).toBe(401);
  });
});

describe("oidc, signed out", () => {
  beforeEach(() => useAuth({ DASHBOARD_AUTH: "oidc", OIDC_ISSUER: "http://127.0.0.1:9/", OIDC_CLIENT_ID: "dashboard", OIDC_CLIENT_SECRET: "client-secret-value" }));

  it("sends pages to sign-in, returning to the page; routes get a 401", async () => {
    const pageAnswer = await get("/oncall?subAppId=1500000001");
    expect(pageAnswer.status).toBe(302);
    expect(pageAnswer.headers.location).toBe(`/auth/sign-in?next=${encodeURIComponent("/oncall?subAppId=1500000001")}`);
    expect((await get("/api/stats")).status).toBe(401);
  });

  it("reads a forged or foreign session cookie as signed out", async () => {
    for (const cookie of ["vod_session=forged", "vod_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "vod_session="]) {
      expect((await get("/", { cookie })).status).toBe(302);
      expect((await get("/api/tasks", { cookie })).status).toBe(401);
    }
  });

  it("says what is wrong when the provider cannot be reached or the callback has no sign-in of its own", async () => {
    const start = await get("/auth/sign-in");
    expect(start.status).toBe(502);
    expect(start.body).toContain("could not be started");
    const callback = await get("/auth/callback?code=an-authorization-code&state=y");
    expect(callback.status).toBe(401);
    expect(callback.body).toContain("sign in again");
  });
});

describe("every answer", () => {
  it("carries the security headers: pages, routes, refusals and sign-in pages alike", async () => {
    useAuth({ DASHBOARD_AUTH: "basic", DASHBOARD_USERS: `alice:${ALICE_HASH}` });
    for (const answer of [await get("/", { authorization: basic("alice", "alice-pass") }), await get("/api/tasks"), await get("/api/health"),
      await get("/auth/signed-out"), await get("/api/tasks", { host: "elsewhere.example" })]) {
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["referrer-policy"]).toBeTruthy();
      expect(answer.headers["x-powered-by"]).toBeUndefined();
    }
  });
});

describe("the log", () => {
  it("never carries a password, a hash, the client secret or a cookie", () => {
    const log = rig.lines.join("\n");
    expect(log).toContain('"msg":"request"');
    for (const secret of ["alice-pass", ALICE_HASH, "client-secret-value", "forged", basic("alice", "alice-pass").slice(6), "an-authorization-code"]) {
      expect(log).not.toContain(secret);
    }
    expect(log).toContain('"path":"/auth/callback"');
  });
});
