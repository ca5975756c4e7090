import http from "node:http";
import net from "node:net";
import { startEmulatorProcess } from "../harness/emulator";
import type { Figure } from "../harness/figure";
import { percentile, round } from "../harness/numbers";
import { sleep } from "../harness/processes";
import { row } from "../harness/report";
import { ensureBuild, startDashboard, type DashboardServer } from "../harness/server";

/** The ceiling the README states for the server's resident memory with up to 100k tasks in the window. */
const RSS_CEILING_MB = 512;

interface Answer {
  status: number;
  ms: number;
  body: string;
}

/** One GET on a fresh connection from a chosen loopback address, so the bench can be several clients. */
function getFrom(base: string, path: string, from: string): Promise<Answer> {
  const url = new URL(path, base);
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host: url.hostname, port: url.port, path: url.pathname + url.search, localAddress: from, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, body }));
    });
    req.on("error", () => resolve({ status: 0, ms: performance.now() - started, body: "" }));
  });
}

/** Runs `total` requests with `concurrency` always open; returns the count of each status. */
async function drive(total: number, concurrency: number, request: (i: number) => Promise<Answer>): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const answer = await request(next++);
      counts[answer.status] = (counts[answer.status] ?? 0) + 1;
    }
  }));
  return counts;
}

const mb = (bytes: number | undefined) => (bytes === undefined ? null : round(bytes / 1024 / 1024, 0));
const describeCounts = (counts: Record<number, number>) => Object.entries(counts).map(([status, n]) => `${n}×${status}`).join(", ");

/** 10,000 list requests, each for a different second: every one a new upstream query. */
async function distinctQueries(server: DashboardServer, total: number) {
  const base = Math.floor(Date.now() / 1000) - 60;
  // Four addresses, as several scripts would be, so more of them get past a single client's share.
  const counts = await drive(total, 16, (i) => getFrom(server.url, `/api/tasks?limit=100&createdBefore=${new Date((base - i) * 1000).toISOString()}`, `127.0.0.${2 + (i % 4)}`));
  return { counts, rss: mb(server.rss()) };
}

/**
 * An hour of 20 screens refreshing every 10 s, compressed: each refresh resolves its relative
 * window to a different second, as it would an hour long, so the cache sees the hour's keys.
 */
async function simulatedHour(server: DashboardServer, refreshesPerView: number) {
  const views = Array.from({ length: 20 }, (_, v) => `limit=${25 + v}&status=${["", "WAITING", "PROCESSING", "FINISH"][v % 4]}`);
  const end = Math.floor(Date.now() / 1000) - 5;
  const counts = await drive(views.length * refreshesPerView, 8, (i) => {
    const view = views[i % views.length];
    const refresh = Math.floor(i / views.length);
    const before = end - (refreshesPerView - refresh) * 10;
    const window = `createdAfter=${new Date((before - 6 * 3600) * 1000).toISOString()}&createdBefore=${new Date(before * 1000).toISOString()}`;
    return getFrom(server.url, `/api/tasks?${view}&${window}`.replace("status=&", ""), "127.0.0.1");
  });
  return { counts, rss: mb(server.rss()) };
}

/** 200 uncached detail lookups always open from one address, while a viewer polls the list and the on-call view. */
async function detailFlood(server: DashboardServer, seconds: number) {
  // Against a dashboard at rest: the mirror (stopped while nobody watched) filled again first.
  for (let i = 0; i < 240; i++) {
    const stats = await getFrom(server.url, "/api/stats", "127.0.0.1");
    if (stats.status === 200 && (JSON.parse(stats.body) as { coverage?: { complete?: boolean } }).coverage?.complete) break;
    await sleep(500);
  }
  const baseline = JSON.parse((await getFrom(server.url, "/api/oncall", "127.0.0.1")).body) as { state: string };
  let flooding = true;
  let next = 0;
  const floodCounts: Record<number, number> = {};
  const flood = Promise.all(Array.from({ length: 200 }, async () => {
    while (flooding) {
      const answer = await getFrom(server.url, `/api/tasks/no-such-task-${next++}`, "127.0.0.9");
      floodCounts[answer.status] = (floodCounts[answer.status] ?? 0) + 1;
    }
  }));
  await sleep(1_000);
  const viewer: Answer[] = [];
  const states: string[] = [];
  let stale = 0;
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    viewer.push(await getFrom(server.url, "/api/tasks?limit=50", "127.0.0.1"));
    const oncall = await getFrom(server.url, "/api/oncall", "127.0.0.1");
    if (oncall.status === 200) {
      const body = JSON.parse(oncall.body) as { state: string; apps: { stale: boolean }[] };
      states.push(body.state);
      if (body.apps.some((app) => app.stale)) stale++;
    } else states.push(`HTTP ${oncall.status}`);
    await sleep(250);
  }
  flooding = false;
  await flood;
  const ms = viewer.map((answer) => answer.ms);
  return {
    p50: round(percentile(ms, 50), 0),
    p95: round(percentile(ms, 95), 0),
    viewerFailures: viewer.filter((answer) => answer.status !== 200).length,
    polls: viewer.length,
    changedStates: states.filter((state) => state !== baseline.state).length,
    baseline: baseline.state,
    stale,
    floodCounts,
  };
}

/** 2,000 sockets that never send a byte, from eight addresses; how long until the server closed them all. */
async function idleSockets(server: DashboardServer, total: number) {
  const port = Number(new URL(server.url).port);
  const started = Date.now();
  let closed = 0;
  let lastClosedAt = started;
  const sockets = await Promise.all(Array.from({ length: total }, (_, i) => new Promise<net.Socket>((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port, localAddress: `127.0.1.${1 + (i % 8)}` }, () => resolve(socket));
    socket.on("error", () => resolve(socket));
    socket.on("close", () => {
      closed++;
      lastClosedAt = Date.now();
    });
  })));
  const health = await getFrom(server.url, "/api/health", "127.0.0.1");
  const deadline = Date.now() + 120_000;
  while (closed < total && Date.now() < deadline) await sleep(100);
  for (const socket of sockets) socket.destroy();
  return { seconds: closed === total ? round((lastClosedAt - started) / 1000, 1) : null, closed, healthStatus: health.status };
}

export const hostile: Figure = {
  id: "hostile",
  title: "hostile traffic: memory under distinct queries, a viewer under a detail flood, idle sockets",
  async run(ctx) {
    ensureBuild(ctx.log);
    const emulator = await startEmulatorProcess({ tasksPerHour: ctx.quick ? 2_000 : 14_000 });
    const server = await startDashboard(emulator);
    const rows = [];
    try {
      ctx.log(`at rest: ${mb(server.rss())} MB`);
      const distinct = await distinctQueries(server, ctx.quick ? 2_000 : 10_000);
      ctx.log(`distinct queries: ${describeCounts(distinct.counts)}; ${distinct.rss} MB`);
      rows.push(row("hostile", `RSS after ${ctx.quick ? "2,000" : "10,000"} distinct queries`, distinct.rss, "MB", { op: "<=", limit: RSS_CEILING_MB },
        `answers: ${describeCounts(distinct.counts)}`));

      const hour = await simulatedHour(server, ctx.quick ? 60 : 360);
      ctx.log(`simulated refreshes: ${describeCounts(hour.counts)}; ${hour.rss} MB`);
      rows.push(row("hostile", `RSS after ${ctx.quick ? "10 minutes" : "1 hour"} of 20 relative views refreshed every 10 s (compressed)`, hour.rss, "MB",
        { op: "<=", limit: RSS_CEILING_MB }, `answers: ${describeCounts(hour.counts)}`));

      const flood = await detailFlood(server, ctx.quick ? 8 : 30);
      const floodNote = `${flood.polls} polls, ${flood.viewerFailures} not 200; on-call ${flood.baseline} before, changed in ${flood.changedStates} polls, stale in ${flood.stale}; flood answers: ${describeCounts(flood.floodCounts)}`;
      ctx.log(`detail flood: viewer p50 ${flood.p50} ms, p95 ${flood.p95} ms; ${floodNote}`);
      rows.push(row("hostile", "viewer /api/tasks p50 during a 200-worker detail flood", flood.p50, "ms", { op: "<=", limit: 150 }));
      rows.push(row("hostile", "viewer /api/tasks p95 during a 200-worker detail flood", flood.p95, "ms", { op: "<=", limit: 500 }));
      // The workload itself moves the on-call state (tasks finish, fail, wait); what the flood could do is make
      // the data stale or the answers fail: that is the false alarm counted here.
      rows.push(row("hostile", "polls where on-call turned stale or the viewer was refused during the flood", flood.stale + flood.viewerFailures, "", { op: "<=", limit: 0 }, floodNote));

      const idle = await idleSockets(server, ctx.quick ? 500 : 2_000);
      ctx.log(`idle sockets: ${idle.closed} closed, last after ${idle.seconds} s; /api/health meanwhile ${idle.healthStatus}`);
      rows.push(row("hostile", `seconds until ${ctx.quick ? 500 : 2_000} idle sockets are closed`, idle.seconds, "s", { op: "<=", limit: 15 },
        `/api/health answered ${idle.healthStatus} while they were open`));
    } finally {
      await server.stop();
      await emulator.stop();
    }
    return rows;
  },
};
