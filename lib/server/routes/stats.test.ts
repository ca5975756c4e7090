import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetMirrorsForTests } from "@/lib/mirror/registry";
import { SimUpstream } from "@/lib/mirror/testing/sim-upstream";
import { BAD_TASK_QUERIES } from "@/lib/testing/bad-task-queries";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET } from "./stats";

const URL_BASE = "http://dashboard.test/api/stats";

async function get(query: string) {
  const response = await GET(new Request(`${URL_BASE}${query}`));
  return { status: response.status, body: await response.json() };
}

let sim: SimUpstream;

beforeEach(() => {
  sim = new SimUpstream(Date.now());
  setUpstreamForTests(sim.gateway());
  resetMirrorsForTests({ timer: false });
  const minutesAgo = (m: number) => sim.now - m * 60_000;
  sim.end(sim.add({ create: minutesAgo(50), type: "Procedure", fileId: "f1" }), "FINISH", { at: minutesAgo(45) });
  sim.end(sim.add({ create: minutesAgo(40), type: "EditMedia", fileId: "f2" }), "FINISH", { at: minutesAgo(39), failed: true });
  sim.start(sim.add({ create: minutesAgo(10), type: "Procedure", fileId: "f2" }), minutesAgo(9));
  sim.add({ create: minutesAgo(1), type: "EditMedia", fileId: "f1" });
});

afterEach(() => {
  resetMirrorsForTests();
  setUpstreamForTests(undefined);
});

describe("GET /api/stats", () => {
  it("answers the view's statistics from the mirror", async () => {
    const { status, body } = await get("?createdAfter=now-1h&sort=finishTime:asc&limit=5");
    expect(status).toBe(200);
    expect(body.byStatus).toEqual({ WAITING: 1, PROCESSING: 1, FINISH: 2, ABORTED: 0 });
    expect(body.byType).toEqual([{ type: "EditMedia", count: 2 }, { type: "Procedure", count: 2 }]);
    expect(body.series.bucketSeconds).toBe(60);
    expect(body.coverage).toMatchObject({ tasksCounted: 4, complete: true });
    expect(sim.requests.every((request) => request.SubAppId === 1500000001)).toBe(true);
  });

  it("says where its counted part begins for a view reaching past 72 hours, and nothing otherwise", async () => {
    const { body } = await get("?createdAfter=now-7d");
    expect(body.history).toEqual({ before: expect.stringMatching(/Z$/), days: 30 });
    expect(Math.abs(Date.parse(body.history.before) - (Date.now() - 72 * 3_600_000))).toBeLessThan(5_000);
    expect((await get("")).body).not.toHaveProperty("history");
    expect((await get("?createdAfter=now-3d")).body).not.toHaveProperty("history");
  });

  it("applies the filters of /api/tasks, type included", async () => {
    expect((await get("?type=EditMedia")).body.coverage.tasksCounted).toBe(2);
    expect((await get("?status=FINISH&fileId=f2")).body.coverage.tasksCounted).toBe(1);
    expect((await get("?finishedAfter=now-42m")).body.byStatus).toEqual({ WAITING: 0, PROCESSING: 0, FINISH: 1, ABORTED: 0 });
  });

  it("keeps one mirror per SubAppId, shared by every request", async () => {
    await get("");
    const calls = sim.requests.length;
    await get("?type=EditMedia");
    await get("?status=WAITING");
    expect(sim.requests.length).toBe(calls);
    await get("?subAppId=1500000002");
    expect(sim.requests.at(-1)?.SubAppId).toBe(1500000002);
  });

  it("answers the normal error shape when upstream fails and the mirror has nothing", async () => {
    sim.down = true;
    resetMirrorsForTests({ timer: false, syncIntervalMs: 0 });
    setUpstreamForTests(sim.gateway());
    const { status, body } = await get("");
    expect(status).toBe(502);
    expect(body.error.code).toBe("UpstreamUnavailable");
  });

  it("answers 200, marked incomplete, when a refresh fails but data exists", async () => {
    resetMirrorsForTests({ timer: false, syncIntervalMs: 0 });
    expect((await get("")).body.coverage.complete).toBe(true);
    sim.down = true;
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { status, body } = await get("");
    expect(status).toBe(200);
    expect(body.coverage.complete).toBe(false);
    expect(body.coverage.reason).toMatch(/last sync failed/);
    expect(body.byStatus.FINISH).toBe(2);
  });

  it.each(BAD_TASK_QUERIES)("answers 400 naming the parameter for %s, even with upstream down", async (query, param) => {
    sim.down = true;
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("InvalidParameter");
    expect(body.error.message.startsWith(`${param}:`)).toBe(true);
    expect(sim.requests).toHaveLength(0);
  });

  it.each([["?createdBefore=2000-01-01", "createdBefore"], ["?finishedAfter=now-31d", "finishedAfter"]])(
    "refuses a window older than the history it keeps: %s", async (query, param) => {
      const { status, body } = await get(query);
      expect(status).toBe(400);
      expect(body.error.message).toMatch(new RegExp(`^${param}: reaches back further than the 30 days`));
    });

  it.each(["?createdAfter=2099-01-01T00:00:00Z", "?createdBefore=now-29d", "?type=Unknown", "?fileId=nope", "?createdAfter=now&finishedBefore=now-1m", "?%00=1&status=&type=Nope"])(
    "never fails on odd but valid input: %s", async (query) => {
      const { status, body } = await get(query);
      expect(status).toBe(200);
      expect(body.coverage.tasksCounted).toBe(0);
    });
});
