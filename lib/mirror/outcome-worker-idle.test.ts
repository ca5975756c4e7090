import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientCaller, runAs, SYSTEM } from "@/lib/vod/caller";
import { createGateway, type Gateway } from "@/lib/vod/gateway";
import { createRequestBudget, type RequestBudget } from "@/lib/vod/request-budget";
import { OutcomeColumns } from "./outcome-columns";
import { OutcomeWorker } from "./outcome-worker";
import { createPacer } from "./pacer";
import { FINISH } from "./status-code";
import { TaskColumns } from "./task-columns";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** The budget's window: 200 ms, so that 20 per window is 100 a second and a test lasts a second or two. */
const WINDOW_MS = 200;
const MAX_PER_WINDOW = 20;
/** The worker's configured share: 10 lookups a second. */
const SHARE_PER_SECOND = 10;
const LATENCY_MS = 10;

beforeAll(() => {
  process.env.VOD_LOG = "silent";
});
afterAll(() => {
  delete process.env.VOD_LOG;
});

function rig(idleWorkers: number) {
  const budget: RequestBudget = createRequestBudget(MAX_PER_WINDOW, { windowMs: WINDOW_MS, maxWaitingPerClient: 100 });
  const upstreamAt: number[] = [];
  const iso = new Date(Date.now() - 60_000).toISOString().replace(/\.\d+Z$/, "Z");
  const gateway: Gateway = createGateway({
    budget,
    send: async (action, request) => {
      upstreamAt.push(Date.now());
      await sleep(LATENCY_MS);
      if (action === "DescribeTasks") return { Response: { TaskSet: [], ScrollToken: "", RequestId: "r" } };
      return { TaskType: "PullUpload", Status: "FINISH", CreateTime: iso, BeginProcessTime: iso, FinishTime: iso, RequestId: "r",
        PullUploadTask: { Status: "FINISH", ErrCode: 0, Message: "", FileId: `f-${(request as { TaskId: string }).TaskId}`, Progress: 100 } };
    },
  });
  const table = new TaskColumns();
  const now = Date.now();
  for (let i = 0; i < 2_000; i++) table.place(`t${i}`, "PullUpload", "f", FINISH, now - 3_600_000 + i, now - 3_500_000 + i, now - 3_400_000 + i);
  const worker = new OutcomeWorker({
    table, outcomes: new OutcomeColumns(table), gateway: () => gateway, subAppId: undefined,
    pacer: createPacer(SHARE_PER_SECOND), workers: 4, idleWorkers, batch: 16, onLearnt: () => undefined,
  });
  /** Rounds as the system (as start() runs them) for `ms`; returns the lookups made in that time. */
  const runFor = (ms: number) => runAs(SYSTEM, async () => {
    const until = Date.now() + ms;
    const before = worker.lookups;
    let made = 0;
    const timer = setTimeout(() => (made = worker.lookups - before), ms);
    while (Date.now() < until) await worker.round(-Infinity);
    clearTimeout(timer);
    return made || worker.lookups - before;
  });
  return { budget, gateway, worker, upstreamAt, runFor };
}

/** Viewers that keep asking for the whole client share: `lanes` requests waiting at any time, until `untilMs`. */
function viewerFlood(gateway: Gateway, lanes: number, untilMs: number) {
  return Promise.all(Array.from({ length: lanes }, (_, i) => runAs(clientCaller(`viewer-${i % 4}`), async () => {
    for (let page = 0; Date.now() < untilMs; page++) {
      await gateway.describeTasks({ Limit: 100, ScrollToken: `${i}-${page}` }, { maxAgeMs: 0 }).catch(() => sleep(5));
    }
  })));
}

describe("the outcome worker beyond its share", () => {
  it("uses the idle budget on a quiet dashboard: far more than its share, and its share alone without idle lanes", async () => {
    const shareOnly = await rig(0).runFor(1_000);
    const withIdle = await rig(8).runFor(1_000);
    expect(shareOnly).toBeLessThanOrEqual(SHARE_PER_SECOND + 2);
    // The budget allows 100 a second; the idle class stops at 80 % of a window, which the slots'
    // holding (in flight and one window after) brings to about 60 a second here.
    expect(withIdle).toBeGreaterThanOrEqual(4 * SHARE_PER_SECOND);
  });

  it("keeps its share as a floor under viewer load, and takes nothing idle then", async () => {
    const { gateway, runFor } = rig(8);
    const flood = viewerFlood(gateway, 24, Date.now() + 1_600);
    await sleep(100);
    const lookups = await runFor(1_500);
    await flood;
    expect(lookups).toBeGreaterThanOrEqual(Math.floor(SHARE_PER_SECOND * 1.5 * 0.8));
    expect(lookups).toBeLessThanOrEqual(Math.ceil(SHARE_PER_SECOND * 1.5) + 4);
  });

  it("serves a viewer who arrives while it backfills at once (no waiting for a window), and never exceeds the budget", async () => {
    const { gateway, runFor, upstreamAt } = rig(8);
    const backfill = runFor(1_500);
    await sleep(400);
    const latencies: number[] = [];
    for (let i = 0; i < 8; i++) {
      const asked = Date.now();
      await runAs(clientCaller(`viewer-${i}`), () => gateway.describeTasks({ Limit: 10, ScrollToken: `v${i}` }, { maxAgeMs: 0 }));
      latencies.push(Date.now() - asked);
      await sleep(100);
    }
    const lookups = await backfill;
    expect(lookups).toBeGreaterThanOrEqual(4 * SHARE_PER_SECOND);
    // Upstream answers in 10 ms; a viewer behind a full window would wait up to 200 ms more.
    latencies.sort((a, b) => a - b);
    expect(latencies[latencies.length >> 1]).toBeLessThan(LATENCY_MS + 15);
    expect(latencies[latencies.length - 1]).toBeLessThan(LATENCY_MS + 100); // a shared machine's jitter, not a window
    upstreamAt.sort((a, b) => a - b);
    for (let i = MAX_PER_WINDOW; i < upstreamAt.length; i++) expect(upstreamAt[i] - upstreamAt[i - MAX_PER_WINDOW]).toBeGreaterThanOrEqual(WINDOW_MS - 1);
  });
});
