import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readAuthEnv, setAuthEnvForTests } from "@/lib/auth/auth-env";
import { runSignedIn, type Identity } from "@/lib/auth/identity";
import { resetMirrorsForTests } from "@/lib/mirror/registry";
import { startEmulatorUpstream, type EmulatorUpstream } from "@/lib/testing/emulator-upstream";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { ROUTES, routeFor } from "./route-table";

// Every route of the route table, as a signed-out caller and as a caller of the wrong app meets it:
// the wrapper's 401 and the SubAppId readers' 403 come before any data is read.

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
