import type { APIResponse } from "@playwright/test";
import { expect, test } from "./support/test";
import { startEmulator } from "../lib/emulator/server";
import { startServerProcess } from "./support/server-process";

// `npm run dev` is the same server as `npm start`, with Next.js compiling the pages on demand:
// the same edge, routes, headers and error shapes, so what is tried in development holds in production.

const VISITS = [
  "/api/health", "/api/tasks?limit=2", "/api/stats", "/api/oncall", "/api/tasks/updates?ids=nope",
  "/api/tasks/no-such-task", "/api/tasks?limit=1000", "/api/nowhere", "/api/tasks/%E0%A4%A", "/oncall",
];

/** What must not differ: the status, the content type, the header names and the error body. */
async function shape(response: APIResponse) {
  const headers = response.headers();
  const type = headers["content-type"] ?? "";
  const names = Object.keys(headers).filter((name) => !["date", "etag", "vary", "content-length", "transfer-encoding", "connection", "keep-alive", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"].includes(name)).sort();
  const body = type.includes("json") && response.status() >= 400 ? (await response.json()).error.code : null;
  return { status: response.status(), type, names: type.includes("json") ? names : [], body };
}

test("npm run dev answers every route as npm start does", async ({ request }) => {
  test.setTimeout(240_000);
  // An emulator of its own, so that this server's reading does not spend the shared one's limits.
  const emulator = await startEmulator({ port: 0, seed: 42 });
  const dev = await startServerProcess({ NODE_ENV: "development", VOD_ENDPOINT: emulator.url, VOD_LOG: "silent" }, ["--dev"]);
  try {
    for (const visit of VISITS) {
      const [prod, devAnswer] = await Promise.all([request.get(visit), request.get(`${dev.url}${visit}`, { timeout: 180_000 })]);
      expect(await shape(devAnswer), visit).toEqual(await shape(prod));
    }
    for (const method of ["POST", "DELETE"] as const) {
      const [prod, devAnswer] = await Promise.all([request.fetch("/api/tasks", { method }), request.fetch(`${dev.url}/api/tasks`, { method })]);
      expect(await shape(devAnswer), method).toEqual(await shape(prod));
      expect(prod.status()).toBe(405);
    }
  } finally {
    await dev.stop();
    await emulator.close();
  }
});
