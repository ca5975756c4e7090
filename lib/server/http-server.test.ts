import { spawn } from "node:child_process";
import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "@/lib/emulator/server";
import { CONNECTION_LIMITS, createDashboardServer, type DashboardServer } from "./http-server";

// The edge as the production server runs it (pages stubbed), against a real emulator: what one
// hostile client on the network can and cannot do to everyone else.

let emulator: RunningEmulator;
let server: DashboardServer;
let port: number;

interface Answer {
  status: number;
  type: string;
  body: string;
  ms: number;
}

/** A GET from a chosen loopback address, so that tests can be several clients. */
function get(path: string, from = "127.0.0.1", headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path, method, localAddress: from, headers, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"] ?? ""), body, ms: performance.now() - started }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** 150 concurrent uncached detail lookups from 127.0.0.2, until SIGTERM; prints the count of each status. */
const FLOOD = `
const http = require("node:http");
const port = Number(process.argv[1]);
const counts = {};
let next = 0, running = true;
const one = () => new Promise((resolve) => {
  const req = http.request({ host: "127.0.0.1", port, path: "/api/tasks/no-such-task-" + next++, localAddress: "127.0.0.2", agent: false }, (res) => {
    counts[res.statusCode] = (counts[res.statusCode] || 0) + 1;
    res.resume();
    res.on("end", resolve);
  });
  req.on("error", resolve);
  req.end();
});
const worker = async () => { while (running) await one(); };
const workers = Array.from({ length: 150 }, worker);
process.on("SIGTERM", async () => { running = false; await Promise.all(workers); process.stdout.write(JSON.stringify(counts)); process.exit(0); });
`;

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))];

beforeAll(async () => {
  emulator = await startEmulator({ port: 0, seed: 5, subApps: [1500000001] });
  process.env.VOD_ENDPOINT = emulator.url;
  process.env.VOD_MAX_RPS = "50";
  process.env.VOD_LOG = "silent";
  server = createDashboardServer({ renderPage: async (_req, res) => void res.end("a page"), origin: "http://localhost", dev: false });
  await new Promise<void>((resolve) => server.gate.listen(0, "127.0.0.1", resolve));
  port = (server.gate.address() as AddressInfo).port;
  // The mirror's fill first: the flood below is measured against a dashboard at rest.
  for (let i = 0; i < 120 && !JSON.parse((await get("/api/stats")).body).coverage?.complete; i++) await new Promise((r) => setTimeout(r, 500));
}, 90_000);

afterAll(async () => {
  server.http.closeAllConnections();
  await new Promise((resolve) => server.gate.close(resolve));
  await emulator.close();
});

describe("the dashboard's edge", () => {
  it("keeps a viewer's answers fast and the on-call view current while another client floods uncached detail lookups", async () => {
    // The flood runs in a process of its own, as an attacker's would: 150 requests always open.
    const flood = spawn(process.execPath, ["-e", FLOOD, String(port)], { stdio: ["ignore", "pipe", "inherit"] });
    let floodReport = "";
    flood.stdout.on("data", (chunk: Buffer) => (floodReport += chunk.toString()));
    const floodDone = new Promise((resolve) => flood.once("exit", resolve));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const viewer: Answer[] = [];
    const oncall: Answer[] = [];
    for (let round = 0; round < 12; round++) {
      viewer.push(await get("/api/tasks?limit=20", "127.0.0.1"));
      oncall.push(await get("/api/oncall", "127.0.0.1"));
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    flood.kill("SIGTERM");
    await floodDone;
    const floodStatuses = JSON.parse(floodReport) as Record<string, number>;
    expect(viewer.map((answer) => answer.status)).toEqual(viewer.map(() => 200));
    expect(oncall.map((answer) => answer.status)).toEqual(oncall.map(() => 200));
    // Server and emulator share this test's one thread, so the bound is looser than the bench's.
    expect(percentile(viewer.map((answer) => answer.ms), 0.5)).toBeLessThan(250);
    expect(percentile(viewer.map((answer) => answer.ms), 0.95)).toBeLessThan(1_000);
    expect(JSON.parse(oncall.at(-1)!.body).apps[0]).toMatchObject({ stale: false });
    expect(floodStatuses["429"]).toBeGreaterThan(100);
  }, 60_000);

  it("answers only its own host names: anything else is a 421 before any route", async () => {
    const rebound = await get("/api/tasks", "127.0.0.1", { host: "attacker.example:3000" });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error.code).toBe("MisdirectedRequest");
    expect((await get("/api/health", "127.0.0.1", { host: "localhost:3000" })).status).toBe(200);
  });

  it("answers any method and path in the one error shape", async () => {
    for (const [method, path, status] of [["TRACE", "/api/tasks", 405], ["DELETE", "/api/tasks", 405], ["POST", "/", 405], ["GET", "/api/tasks/%", 400],
      ["GET", "/api/tasks/%E0%A4%A", 400], ["GET", "/api/nowhere", 404]] as const) {
      const answer = await get(path, "127.0.0.1", {}, method);
      expect(answer.status, `${method} ${path}`).toBe(status);
      expect(answer.type).toContain("application/json");
      expect(JSON.parse(answer.body).error.code).toEqual(expect.any(String));
    }
    const raw = await new Promise<string>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port }, () => socket.write("NOT HTTP AT ALL\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("close", () => resolve(text));
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 [\s\S]*"code":"BadRequest"/);
  });

  it("closes idle sockets on time and never lets one address hold them all", async () => {
    const sockets = await Promise.all(Array.from({ length: 300 }, () => new Promise<net.Socket>((resolve) => {
      const socket = net.connect({ host: "127.0.0.1", port, localAddress: "127.0.0.3" }, () => resolve(socket));
      socket.on("error", () => undefined);
    })));
    const closed = () => sockets.filter((socket) => socket.closed || socket.destroyed).length;
    // Beyond its share, an address's sockets are held unread for a moment, then closed.
    await new Promise((resolve) => setTimeout(resolve, CONNECTION_LIMITS.TARPIT_MS + 500));
    expect(closed()).toBeGreaterThanOrEqual(300 - CONNECTION_LIMITS.CONNECTIONS_PER_CLIENT);
    expect((await get("/api/health", "127.0.0.1")).status).toBe(200);
    const started = Date.now();
    while (closed() < 300 && Date.now() - started < CONNECTION_LIMITS.HEADERS_TIMEOUT_MS + 5_000) await new Promise((resolve) => setTimeout(resolve, 250));
    expect(closed()).toBe(300);
  }, 30_000);
});
