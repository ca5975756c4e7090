import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuthEnv, setAuthEnvForTests } from "@/lib/auth/auth-env";
import { runSignedIn, type Identity } from "@/lib/auth/identity";
import { resetServerAuthForTests } from "@/lib/auth/authenticate";
import { readMetricsEnv, setMetricsEnvForTests } from "@/lib/metrics/metrics-env";
import { mirrorInstance, resetMirrorsForTests } from "@/lib/mirror/registry";
import { startEdgeRig, type EdgeRig } from "@/lib/testing/edge-rig";
import { startEmulatorUpstream, type EmulatorUpstream } from "@/lib/testing/emulator-upstream";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { ROUTES, routeFor } from "./route-table";

// Every route of the route table, as a signed-out caller and as a caller of the wrong app meets it:
// the wrapper's 401 and the SubAppId readers' 403 come before any data is read. Then the same at the
// edge, with what is not in the route table: pages, /metrics and the sign-in routes (README's table).

const MINE = 1500000001;
const OTHERS = 1500000002;
const TASK_OF_OTHERS = `${OTHERS}-procedurev2-0123456789abcdef`;
/** A path for each route; `:taskId` gets another app's task. */
const sample = (path: string) => path.replace(":taskId", TASK_OF_OTHERS);
/** The query each route needs besides subAppId. */
const EXTRA: Record<string, string> = {
  "/api/tasks/updates": `ids=${MINE}-procedurev2-0a`, "/api/lookup": `id=${MINE}-procedurev2-0a`, "/api/media-names": "fileIds=5285000000000000001",
};

const bob: Identity = { name: "bob@example.com", via: "proxy" };
const alice: Identity = { name: "alice@example.com", via: "proxy" };
let upstream: EmulatorUpstream;

async function call(identity: Identity | null, path: string, query = ""): Promise<{ status: number; body: Record<string, unknown> }> {
  const pathname = sample(path);
  const { handler, params } = routeFor("GET", pathname);
  const response = await runSignedIn(identity, () => handler(new Request(`http://dashboard.test${pathname}?${query}`), params));
  return { status: response.status, body: await response.json() };
}

beforeAll(async () => {
  upstream = await startEmulatorUpstream({ subApps: [MINE, OTHERS] });
  process.env.VOD_ENDPOINT = upstream.emulator.url;
  process.env.VOD_EMULATOR_SUBAPPS = `${MINE},${OTHERS}`;
  setUpstreamForTests(upstream.gateway);
  resetMirrorsForTests({ timer: false });
  setAuthEnvForTests(readAuthEnv({ DASHBOARD_AUTH: "proxy", DASHBOARD_ACCESS: `bob@example.com=${MINE};alice@example.com=*` }));
});

afterAll(async () => {
  setAuthEnvForTests(undefined);
  setUpstreamForTests(undefined);
  resetMirrorsForTests();
  await upstream.emulator.close();
});

describe("every API route, signed out", () => {
  it.each(ROUTES.map(([path]) => path).filter((path) => path !== "/api/health"))("%s is a 401 Unauthenticated", async (path) => {
    const { status, body } = await call(null, path, `subAppId=${MINE}&${EXTRA[path] ?? ""}`);
    expect(status).toBe(401);
    expect(body).toEqual({ error: { code: "Unauthenticated", message: expect.stringContaining("Sign in") } });
  });

  it("/api/health answers, and says nothing but its status", async () => {
    const { status, body } = await call(null, "/api/health");
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(["status"]);
  });
});

describe("every API route, for another app", () => {
  const scoped = ROUTES.map(([path]) => path).filter((path) => !["/api/health", "/api/me"].includes(path));

  it.each(scoped)("%s with another app's subAppId is a 403 Forbidden", async (path) => {
    const { status, body } = await call(bob, path, `subAppId=${OTHERS}&${EXTRA[path] ?? ""}`);
    expect(status).toBe(403);
    expect(body).toMatchObject({ error: { code: "Forbidden", message: expect.stringMatching(/^(subAppId|taskId): /) } });
  });

  it("another app's task ID is a 403, under the caller's own app too", async () => {
    expect((await call(bob, "/api/tasks/:taskId", `subAppId=${MINE}`)).status).toBe(403);
    expect((await call(bob, "/api/tasks/:taskId")).status).toBe(403);
    expect((await call(bob, "/api/tasks/updates", `ids=${TASK_OF_OTHERS}`)).status).toBe(403);
  });

  it("an identity with no app at all is a 403 on every scoped route", async () => {
    const carol: Identity = { name: "carol@example.com", via: "proxy" };
    for (const path of scoped) expect((await call(carol, path, EXTRA[path] ?? "")).status, path).toBe(403);
  });
});

describe("what a limited identity sees", () => {
  it("health and the picker list only its apps", async () => {
    expect((await call(bob, "/api/health")).body.subAppIds).toEqual([MINE]);
    expect((await call(alice, "/api/health")).body.subAppIds).toEqual([MINE, OTHERS]);
  });

  it("lists its own app's tasks by default", async () => {
    const { status, body } = await call(bob, "/api/tasks", "limit=20");
    expect(status).toBe(200);
    const tasks = body.tasks as { taskId: string }[];
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((task) => task.taskId.startsWith(`${MINE}-`))).toBe(true);
  });

  it("the on-call view has only its columns", async () => {
    const { status, body } = await call(bob, "/api/oncall");
    expect(status).toBe(200);
    expect((body.apps as { subAppId: number }[]).map((app) => app.subAppId)).toEqual([MINE]);
  });

  it("/api/me says who is signed in and how to sign out", async () => {
    expect((await call(bob, "/api/me")).body).toEqual({ identity: "bob@example.com", mode: "proxy", signOut: "/oauth2/sign_out" });
  });
});

describe("at the edge: every route, page, /metrics and sign-in route (README's route table)", () => {
  let rig: EdgeRig;
  const TOKEN = "route-access-metrics-token";
  const bobAt = { "x-auth-request-email": "bob@example.com" };
  const appLabels = (text: string) => new Set([...text.matchAll(/^[a-z_]+\{[^\n]*\bsub_app_id="([^"]*)"/gm)].map((match) => match[1]));

  beforeAll(async () => {
    for (const id of [MINE, OTHERS]) await mirrorInstance(id).sync();
    rig = await startEdgeRig(upstream.gateway);
    setAuthEnvForTests(readAuthEnv({ DASHBOARD_AUTH: "proxy", DASHBOARD_TRUSTED_PROXIES: "127.0.0.1/32", DASHBOARD_ACCESS: `bob@example.com=${MINE};alice@example.com=*` }));
    resetServerAuthForTests();
  }, 60_000);

  afterAll(async () => {
    setMetricsEnvForTests(undefined);
    await rig.close();
  });

  it.each(ROUTES.map(([path]) => path).filter((path) => path !== "/api/health"))("%s: signed out 401, at the edge too", async (path) => {
    // From an address the proxy header is not believed from: whatever it says, nobody.
    const answer = await rig.get(`${sample(path)}?subAppId=${MINE}&${EXTRA[path] ?? ""}`, bobAt, "127.0.0.3");
    expect(answer.status).toBe(401);
  });

  it.each(ROUTES.map(([path]) => path).filter((path) => !["/api/health", "/api/me"].includes(path)))("%s: another app's 403, at the edge too", async (path) => {
    expect((await rig.get(`${sample(path)}?subAppId=${OTHERS}&${EXTRA[path] ?? ""}`, bobAt)).status).toBe(403);
  });

  it("pages: signed out 401 (proxy mode); another app's caller gets the page", async () => {
    for (const page of ["/", "/oncall"]) {
      expect((await rig.get(page, {}, "127.0.0.3")).status).toBe(401);
      expect((await rig.get(`${page}?subAppId=${OTHERS}`, bobAt)).status).toBe(200);
    }
  });

  it("/metrics: signed out 403 (no token) or 401 (token); another app's caller sees only its app", async () => {
    setMetricsEnvForTests(readMetricsEnv({}, [MINE, OTHERS]));
    expect((await rig.get("/metrics", { "x-forwarded-for": "203.0.113.9" })).status).toBe(403);
    const bob = await rig.get("/metrics", bobAt);
    expect(bob.status).toBe(200);
    expect(appLabels(bob.body)).toEqual(new Set([String(MINE)]));
    setMetricsEnvForTests(readMetricsEnv({ METRICS_TOKEN: TOKEN }, [MINE, OTHERS]));
    expect((await rig.get("/metrics")).status).toBe(401);
    expect(appLabels((await rig.get("/metrics", bobAt)).body)).toEqual(new Set([String(MINE)]));
    expect(appLabels((await rig.get("/metrics", { authorization: `Bearer ${TOKEN}` })).body)).toEqual(new Set([String(MINE), String(OTHERS)]));
  });

  it("sign-in routes: open; sign-out asks on GET, and a POST counts only from the dashboard's own page", async () => {
    expect((await rig.get("/auth/signed-out", {}, "127.0.0.3")).status).toBe(200);
    expect((await rig.get("/auth/sign-out", {}, "127.0.0.3")).status).toBe(200);
    expect((await rig.get("/auth/sign-out", bobAt)).status).toBe(200);
    expect((await rig.send("POST", "/auth/sign-out", { origin: "https://evil.example" }, "127.0.0.3")).status).toBe(403);
    expect((await rig.send("POST", "/auth/sign-out", { ...bobAt, origin: "https://evil.example" })).status).toBe(403);
    const out = await rig.send("POST", "/auth/sign-out", { ...bobAt, origin: `http://127.0.0.1:${rig.port}` });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe("/oauth2/sign_out");
  });
});
