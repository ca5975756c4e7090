import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { OncallResponse } from "@/lib/oncall/types";
import { mirrorInstance, resetMirrorsForTests } from "@/lib/mirror/registry";
import { SimUpstream } from "@/lib/mirror/testing/sim-upstream";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET as getStats } from "./stats";
import { GET } from "./oncall";

const URL_BASE = "http://dashboard.test/api/oncall";

async function get(query: string) {
  const response = await GET(new Request(`${URL_BASE}${query}`));
  return { status: response.status, body: await response.json() };
}

let sim: SimUpstream;
const minutesAgo = (m: number) => sim.now - m * 60_000;

beforeEach(() => {
  sim = new SimUpstream(Date.now());
  setUpstreamForTests(sim.gateway());
  // The mirror's clock is the simulation's, so waits and runs come out in whole seconds.
  resetMirrorsForTests({ timer: false, now: () => sim.now });
  sim.add({ create: minutesAgo(25), type: "EditMedia" }); // waiting 25m: beyond 2 × 10m
  sim.add({ create: minutesAgo(12) }); // waiting 12m
  sim.add({ create: minutesAgo(1) });
  sim.start(sim.add({ create: minutesAgo(90) }), minutesAgo(80)); // running 80m
  sim.start(sim.add({ create: minutesAgo(10) }), minutesAgo(1)); // the queue is being served: not a stall
  for (let i = 0; i < 30; i++) {
    const task = sim.add({ create: minutesAgo(40 + i) });
    sim.start(task, minutesAgo(39 + i));
    sim.end(task, "FINISH", { at: minutesAgo(2 + i), failed: i < 3 });
  }
});

afterEach(() => {
  resetMirrorsForTests();
  setUpstreamForTests(undefined);
});

describe("GET /api/oncall", () => {
  it("answers the tiles, the stuck tasks oldest first, and the state with its reasons", async () => {
    const { status, body } = await get("?subAppId=1500000001");
    expect(status).toBe(200);
    const response = body as OncallResponse;
    expect(response.thresholds).toEqual({ waitSlo: 600, runSlo: 3_600, growth: 25, failRate: 10, stall: 120, refresh: "10s", staleAfterSeconds: 30 });
    expect(response.apps).toHaveLength(1);
    const [app] = response.apps;
    expect(app).toMatchObject({ subAppId: 1500000001, stale: false, loading: false, hasData: true, lastError: null });
    expect(app.tiles).toMatchObject({ waiting: 3, processing: 2, endedLastHour: 30, oldestWaitingSeconds: 25 * 60, longestRunningSeconds: 80 * 60, backlog15mAgo: 1, backlogGrowthPct: 200 });
    expect(app.stuck.waitingTotal).toBe(2);
    expect(app.stuck.waiting.map((task) => [task.taskType, task.seconds, task.level])).toEqual([["EditMedia", 1_500, "red"], ["Procedure", 720, "amber"]]);
    expect(app.stuck.processing.map((task) => [task.seconds, task.level])).toEqual([[4_800, "amber"]]);
    expect(app.state).toBe("red");
    expect(app.reasons.map((reason) => reason.text)).toEqual(["2 tasks waiting over 10m (1 over 20m)", "1 task running over 1h"]);
    expect(response).toMatchObject({ state: "red", stuckTotal: 3 });
    expect(app.throughput.perMinute).toHaveLength(72);
    expect(app.throughput.perMinute.reduce((a, b) => a + b, 0) * 5).toBe(30);
  });

  it("reads the failure rate from the looked-up outcomes and lists the last failures with their codes, newest first", async () => {
    const before = ((await get("?subAppId=1500000001")).body as OncallResponse).apps[0];
    expect(before.tiles.failureRate).toBeNull();
    expect(before.recentFailures).toEqual([]);
    await mirrorInstance(1500000001).lookUpOutcomes();
    const app = ((await get("?subAppId=1500000001")).body as OncallResponse).apps[0];
    expect(app.tiles).toMatchObject({ outcomesKnown: 30, outcomesFailed: 3, failureRate: 10 });
    expect(app.recentFailures).toHaveLength(3);
    expect(app.recentFailures.map((task) => task.finishTime)).toEqual([...app.recentFailures.map((task) => task.finishTime)].sort().reverse());
    for (const task of app.recentFailures) expect(task).toMatchObject({ taskType: "Procedure", errorCode: expect.stringMatching(/\S/), message: expect.any(String) });
  });

  it("reads the thresholds from the query string, seconds allowed", async () => {
    const { body } = await get("?subAppId=1500000001&waitSlo=30m&runSlo=2h&refresh=5s");
    const app = (body as OncallResponse).apps[0];
    expect(app.state).toBe("green");
    expect(app.reasons).toEqual([]);
    expect((body as OncallResponse).thresholds).toMatchObject({ waitSlo: 1_800, runSlo: 7_200, staleAfterSeconds: 15 });
    const strict = (await get("?subAppId=1500000001&waitSlo=30s&runSlo=30m")).body as OncallResponse;
    expect(strict.apps[0].stuck.waitingTotal).toBe(3);
    expect(strict.apps[0].stuck.processingTotal).toBe(1);
  });

  it("names a stall once nothing has started for 2 minutes while tasks wait", async () => {
    const scenario = (lastStartMinutesAgo: number) => {
      sim = new SimUpstream(Date.now());
      setUpstreamForTests(sim.gateway());
      resetMirrorsForTests({ timer: false, now: () => sim.now });
      sim.add({ create: minutesAgo(5) });
      sim.add({ create: minutesAgo(3) });
      sim.start(sim.add({ create: minutesAgo(6) }), minutesAgo(lastStartMinutesAgo));
      const done = sim.add({ create: minutesAgo(9) });
      sim.start(done, minutesAgo(8));
      sim.end(done, "FINISH", { at: minutesAgo(1) });
    };
    scenario(3);
    const stalled = (await get("?subAppId=1500000001&waitSlo=1h&runSlo=2h")).body as OncallResponse;
    expect(stalled.apps[0].state).toBe("amber");
    expect(stalled.apps[0].reasons.map((reason) => reason.text)).toEqual(["Stalled: nothing started in 2m while 2 tasks wait"]);
    scenario(1);
    expect(((await get("?subAppId=1500000001&waitSlo=1h&runSlo=2h")).body as OncallResponse).apps[0].reasons).toEqual([]);
  });

  it("has the same WAITING and PROCESSING counts as /api/stats for the same SubAppId", async () => {
    const oncall = (await get("?subAppId=1500000002")).body as OncallResponse;
    const stats = await (await getStats(new Request("http://dashboard.test/api/stats?subAppId=1500000002"))).json();
    expect(stats.coverage.syncedAt).toBe(oncall.apps[0].syncedAt);
    expect([oncall.apps[0].tiles.waiting, oncall.apps[0].tiles.processing]).toEqual([stats.byStatus.WAITING, stats.byStatus.PROCESSING]);
  });

  it("answers one column per configured SubAppId, sharing each mirror between every screen", async () => {
    const { body } = await get("");
    expect((body as OncallResponse).apps.map((app) => app.subAppId)).toEqual([1500000001, 1500000002]);
    const calls = sim.requests.length;
    for (let screen = 0; screen < 20; screen++) await get(screen % 2 ? "" : "?subAppId=1500000001&waitSlo=1m");
    expect(sim.requests.length).toBe(calls);
  });

  it("answers 200 marked stale and red when a sync fails but data exists", async () => {
    resetMirrorsForTests({ timer: false, syncIntervalMs: 0, now: () => sim.now });
    expect(((await get("?subAppId=1500000001&waitSlo=1h&runSlo=2h")).body as OncallResponse).state).toBe("green");
    sim.down = true;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { status, body } = await get("?subAppId=1500000001&waitSlo=1h&runSlo=2h");
    expect(status).toBe(200);
    const app = (body as OncallResponse).apps[0];
    expect(app).toMatchObject({ stale: true, state: "red", lastError: { code: "UpstreamUnavailable" } });
    expect(app.reasons[0].text).toBe("Data is stale: upstream failing (UpstreamUnavailable)");
    expect(app.tiles.waiting).toBe(3);
  });

  it("answers the normal error shape when upstream fails and nothing was ever read", async () => {
    sim.down = true;
    const { status, body } = await get("");
    expect(status).toBe(502);
    expect(body.error.code).toBe("UpstreamUnavailable");
  });

  it.each([
    ["?waitSlo=10", "waitSlo"], ["?waitSlo=-1m", "waitSlo"], ["?runSlo=1d", "runSlo"], ["?refresh=2s", "refresh"],
    ["?growth=-5", "growth"], ["?failRate=200", "failRate"], ["?subAppId=42", "subAppId"], ["?subAppId=abc", "subAppId"],
    ["?waitSlo=1m&waitSlo=2m", "waitSlo"], ["?waitSlo=%00", "waitSlo"],
  ])("answers 400 naming the parameter for %s, without asking upstream", async (query, param) => {
    sim.down = true;
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("InvalidParameter");
    expect(body.error.message.startsWith(`${param}:`)).toBe(true);
    expect(sim.requests).toHaveLength(0);
  });

  it.each(["?unknown=1", "?status=WAITING", "?waitSlo=&runSlo=", "?%00=1"])("ignores what it does not know: %s", async (query) => {
    expect((await get(query)).status).toBe(200);
  });
});
