import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./support/test";
import { clearFaults, emulatorStats, setFaults } from "./support/emulator";

// The dashboard's HTTP API over real HTTP: production build, official SDK, emulator upstream.

test.afterEach(async ({ request }) => clearFaults(request));

test("100 concurrent identical /api/tasks requests cost one upstream call per second they span", async ({ request }) => {
  // The mirror behind /api/stats shares the emulator: let its fill finish so only its syncs (at most
  // 5 calls every 5 s) run in the background of this count.
  await expect.poll(async () => (await (await request.get("/api/stats")).json()).coverage?.complete, { timeout: 60_000 }).toBe(true);
  const query = "/api/tasks?status=FINISH&limit=20&createdAfter=now-2h";
  const before = (await emulatorStats(request)).requests.DescribeTasks;
  const started = Date.now();
  const answers = await Promise.all(Array.from({ length: 100 }, () => request.get(query)));
  const seconds = Math.ceil((Date.now() - started) / 1000);
  expect(answers.every((answer) => answer.status() === 200)).toBe(true);
  const calls = (await emulatorStats(request)).requests.DescribeTasks - before;
  const backgroundSyncs = 5 * (Math.ceil(seconds / 5) + 1);
  expect(calls).toBeLessThanOrEqual(seconds + 1 + backgroundSyncs);
  expect(calls).toBeGreaterThanOrEqual(1);
});

test("bad input is a JSON 400 naming the parameter, never a 500 or a stack trace", async ({ request }) => {
  for (const [url, param] of [
    ["/api/tasks?limit=1000", "limit"],
    ["/api/tasks?status=%00", "status"],
    ["/api/tasks?createdAfter=%E2%80%AE", "createdAfter"],
    ["/api/stats?subAppId=1", "subAppId"],
    ["/api/tasks/a%20b", "taskId"],
    ["/api/tasks/updates?ids=" + "x,".repeat(300), "ids"],
  ]) {
    const response = await request.get(url);
    expect(response.status(), url).toBe(400);
    const body = await response.json();
    expect(body.error.message.startsWith(`${param}:`), url).toBe(true);
    expect(JSON.stringify(body)).not.toMatch(/at \w+ \(|\.ts:\d+|node_modules/);
  }
});

test("an upstream that fails answers 502/504 in the error shape, with no credential in it", async ({ request }) => {
  await setFaults(request, { errorRate: 1, errorCode: "FailedOperation" });
  const refused = await request.get("/api/tasks?limit=3&fileId=refused-1");
  expect(refused.status()).toBe(502);
  const body = await refused.json();
  expect(body.error).toMatchObject({ code: "UpstreamRejected", requestId: expect.any(String) });
  expect(JSON.stringify(body)).not.toContain("emulator-secret");
  await setFaults(request, { malformedRate: 1 });
  expect((await request.get("/api/tasks?limit=3&fileId=malformed-1")).status()).toBe(502);
});

test("health tells the mode and the upstream's state", async ({ request }) => {
  const healthy = await (await request.get("/api/health")).json();
  expect(healthy).toMatchObject({ status: "ok", mode: "emulator", upstream: { ok: true } });
  expect(JSON.stringify(healthy)).not.toContain("emulator-secret");
});

test("no credential and no server-only module reaches a browser bundle", async ({ request }) => {
  await request.get("/");
  const staticDir = path.join(process.cwd(), ".next", "static");
  const files = (function walk(dir: string): string[] {
    return readdirSync(dir).flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? walk(full) : [full];
    });
  })(staticDir).filter((file) => file.endsWith(".js"));
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const secret of ["emulator-secret", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECRET_ID", "tencentcloud-sdk", "TC3-HMAC-SHA256"]) {
      expect(text.includes(secret), `${secret} in ${path.basename(file)}`).toBe(false);
    }
  }
});

test("responses do not advertise the framework", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.headers()["x-powered-by"]).toBeUndefined();
  expect(response.headers()["cache-control"]).toContain("no-store");
});
