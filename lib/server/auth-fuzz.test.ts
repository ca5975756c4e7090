import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { readAuthEnv, setAuthEnvForTests } from "@/lib/auth/auth-env";
import { resetServerAuthForTests } from "@/lib/auth/authenticate";
import { mulberry32 } from "@/lib/emulator/random";
import { startEdgeRig, type EdgeRig } from "@/lib/testing/edge-rig";
import { fakeGateway, upstreamTask } from "@/lib/testing/fake-gateway";

// The sign-in paths fuzzed as the query strings are: whatever a client sends in its credentials,
// cookies, proxy headers or sign-in URLs, the answer is a 2xx/3xx/4xx that says what is wrong,
// never a 500, a stack trace or a secret.

const HASH = "$2b$04$stntrrB7YT5Ba8O0b/L6weJJOXtr4RCztT1oPCQwZFLOEf9uE8aV.";
const CLIENT_SECRET = "fuzz-client-secret";
const JUNK = ["", " ", "x", "Basic", "Basic ", "Basic !!!", "Basic Og==", "Bearer abc", "basic YWxpY2U6YWxpY2UtcGFzcw==", `Basic ${"A".repeat(6000)}`,
  "Basic YWxpY2U6", "Digest username=alice", "\u00e9\u00e8", "%00", "a=b; c", "vod_session=", "vod_session=AAAA", "vod_session=" + "_".repeat(3000),
  "vod_session=a; vod_session=b", "alice@example.com", "alice@example.com, bob@example.com", "<script>", "../../etc/passwd"];
const PATHS = ["/", "/oncall", "/api/tasks", "/api/stats", "/api/me", "/api/health", "/api/tasks/1500000001-x", "/api/nowhere", "/auth/sign-in",
  "/auth/sign-in?next=//evil.example", "/auth/sign-in?next=https://evil.example", "/auth/sign-in?next=%2F%2Fevil", "/auth/callback",
  "/auth/callback?code=x&state=y", "/auth/callback?error=access_denied", "/auth/callback?error=%3Cscript%3E", "/auth/sign-out", "/auth/signed-out", "/auth/elsewhere",
  "/auth", "/auth/sign-in?next=/auth/sign-out"];

let rig: EdgeRig;

/** What a sign-out's POST may say about where it came from; the rig's own origin is added at run time. */
const ORIGINS = ["https://evil.example", "null", "", "http://127.0.0.1", "http://localhost:3001", "file://", "http://127.0.0.1:1/x", "\u00e9"];
const FETCH_SITES = ["same-origin", "same-site", "cross-site", "none", "", "SAME-ORIGIN"];

beforeAll(async () => {
  const unknownTask = async (): Promise<never> => {
    throw new ApiError("UpstreamRejected", "no such task", { upstreamCode: "InvalidParameterValue.TaskId" });
  };
  rig = await startEdgeRig(fakeGateway([upstreamTask("1500000001-procedurev2-aa")], unknownTask).gateway);
});

afterAll(() => rig.close());

describe.each([
  ["basic", { DASHBOARD_AUTH: "basic", DASHBOARD_USERS: `alice:${HASH}`, DASHBOARD_ACCESS: "alice=1500000001" }],
  ["proxy", { DASHBOARD_AUTH: "proxy", DASHBOARD_TRUSTED_PROXIES: "127.0.0.1", DASHBOARD_ACCESS: "alice@example.com=1500000001" }],
  ["oidc", { DASHBOARD_AUTH: "oidc", OIDC_ISSUER: "http://127.0.0.1:9/", OIDC_CLIENT_ID: "c", OIDC_CLIENT_SECRET: CLIENT_SECRET }],
])("%s", (mode, env) => {
  it("answers 600 random requests without a 500, a stack or a secret", async () => {
    setAuthEnvForTests(readAuthEnv(env));
    resetServerAuthForTests();
    const random = mulberry32(mode.length * 7919);
    let closed = 0;
    const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
    const own = `http://127.0.0.1:${rig.port}`;
    for (let i = 0; i < 600; i++) {
      const headers: Record<string, string> = {};
      // A third of the requests are POSTs (sign-out's method), with or without word of where they came from.
      const method = random() < 0.33 ? "POST" : "GET";
      if (method === "POST" && random() < 0.6) headers.origin = random() < 0.4 ? own : pick(ORIGINS);
      if (method === "POST" && random() < 0.4) headers["sec-fetch-site"] = pick(FETCH_SITES);
      if (random() < 0.6) headers.authorization = pick(JUNK);
      if (random() < 0.5) headers.cookie = pick(JUNK);
      if (random() < 0.5) headers["x-auth-request-email"] = pick(JUNK);
      // Mostly loopback (trusted in proxy mode), sometimes another address; spread so lockouts do not hide every answer.
      const from = random() < 0.7 ? "127.0.0.1" : `127.0.${1 + Math.floor(random() * 200)}.${1 + Math.floor(random() * 250)}`;
      let path = method === "POST" && random() < 0.7 ? "/auth/sign-out" : pick(PATHS);
      if (random() < 0.3) path += `${path.includes("?") ? "&" : "?"}subAppId=${pick(["1500000001", "1500000002", "x", ""])}`;
      const answer = await rig.send(method, path, Object.fromEntries(Object.entries(headers).filter(([, value]) => /^[\x20-\x7e]*$/.test(value))), from);
      const where = `${mode} ${method} ${path} ${JSON.stringify(headers).slice(0, 200)}`;
      if (answer.status === 0) {
        closed++;
        continue;
      }
      expect([200, 302, 303, 401, 403, 404, 405, 429, 502], where).toContain(answer.status);
      // Signed out only from the dashboard's own page: a POST from anywhere else never drops a session.
      const fromOwnPage = (headers.origin === undefined || headers.origin === own) && (headers["sec-fetch-site"] ?? "same-origin") === "same-origin"
        && (headers.origin !== undefined || headers["sec-fetch-site"] !== undefined);
      if (method === "POST" && path.split("?", 1)[0] === "/auth/sign-out" && !fromOwnPage) {
        expect([403, 429], where).toContain(answer.status);
        expect(answer.headers["set-cookie"], where).toBeUndefined();
      }
      expect(answer.body, where).not.toMatch(/\n\s+at |alice-pass|fuzz-client-secret|\$2b\$04/);
      if (answer.status === 302 || answer.status === 303) expect(answer.headers.location, where).toMatch(/^(\/(?!\/)|http:\/\/127\.0\.0\.1:9\/)/);
    }
    expect(closed).toBeLessThan(100);
  }, 60_000);
});

it("the log holds no secret", () => {
  expect(rig.lines.join("\n")).not.toMatch(/fuzz-client-secret|\$2b\$04\$stntrr|YWxpY2U6YWxpY2UtcGFzcw/);
});
