import http from "node:http";
import { expect, test } from "@playwright/test";
import { SHUTDOWN_GRACE_MS } from "../lib/server/shut-down";
import { startEmulator } from "../lib/emulator/server";
import { startServerProcess } from "./support/server-process";

// The production server holds each stateful thing once: one upstream client however many routes
// and pages are used, and one list of secrets that every line it writes is scrubbed against.

const SECRET_ID = "AKIDemulator";
const SECRET_KEY = "emulator-secret";

test("one upstream client for every route and page; no log line carries the secret key", async ({ request }) => {
  test.setTimeout(120_000);
  // An emulator of its own (it accepts the key below), so this server does not spend the shared one's limits.
  const emulator = await startEmulator({ port: 0, seed: 42 });
  const server = await startServerProcess({
    NODE_ENV: "production",
    // Live mode: credentials set.
    TENCENTCLOUD_SECRET_ID: SECRET_ID,
    TENCENTCLOUD_SECRET_KEY: SECRET_KEY,
    VOD_ENDPOINT: emulator.url,
  });
  try {
    const { tasks } = await (await request.get(`${server.url}/api/tasks?limit=3`)).json();
    const taskId: string = tasks[0].taskId;
    const visits = [
      "/", "/oncall", `/?task=${taskId}`, "/api/health", "/api/tasks?status=FINISH", "/api/stats", "/api/oncall",
      `/api/tasks/updates?ids=${taskId}`, `/api/tasks/${taskId}`, "/api/tasks?cursor=forged", "/api/nowhere",
      // The secret in a path and a query: the request log would write it, were it not scrubbed.
      `/api/tasks/${SECRET_KEY}`, `/?fileId=${SECRET_KEY}`, `/api/tasks?fileId=${SECRET_KEY}`,
    ];
    for (const visit of visits) {
      const response = await request.get(`${server.url}${visit}`);
      expect(response.status(), visit).toBeLessThan(500);
    }
    // A client that keeps its connection open (as browsers and load balancers do) does not hold up a stop.
    const agent = new http.Agent({ keepAlive: true, keepAliveMsecs: 60_000 });
    await new Promise<void>((resolve, reject) => http.get(`${server.url}/api/health`, { agent }, (res) => res.resume().on("end", resolve)).on("error", reject));
    expect(Object.keys(agent.freeSockets)).toHaveLength(1);
    const stopping = Date.now();
    await server.stop();
    expect(Date.now() - stopping).toBeLessThan(SHUTDOWN_GRACE_MS + 5_000);
    agent.destroy();
  } finally {
    await server.stop();
    await emulator.close();
  }
  const log = server.lines.join("\n");
  expect(server.lines.filter((line) => line.includes("upstream client ready"))).toHaveLength(1);
  expect(server.lines.filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThanOrEqual(15);
  expect(log).toContain("[redacted]");
  expect(log).not.toContain(SECRET_KEY);
});
