import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resetMirrorsForTests } from "@/lib/mirror/registry";
import { SimUpstream } from "@/lib/mirror/testing/sim-upstream";
import { openProcessStore, type ProcessStore } from "@/lib/store/process-store";
import type { TaskRow } from "@/lib/store/task-row";
import { STORE_ENGINES, useStoreEngine } from "@/lib/testing/store-engines";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET } from "./stats";

const DAY = 86_400_000;
const APP = 1500000001;

async function get(query: string) {
  const response = await GET(new Request(`http://dashboard.test/api/stats${query}`));
  return { status: response.status, body: await response.json() };
}

describe.each(STORE_ENGINES)("GET /api/stats over history on %s", (engine) => {
  const { fresh } = useStoreEngine(engine);
  const now = Date.now();
  let opened: ProcessStore;

  function stored(taskId: string, daysAgo: number, fields: Partial<TaskRow> = {}): TaskRow {
    const createTime = Math.floor((now - daysAgo * DAY) / 1_000) * 1_000;
    return { taskId, subAppId: APP, taskType: "Procedure", status: "FINISH", fileId: "f1", createTime, beginTime: createTime + 10_000, finishTime: createTime + 70_000,
      sessionId: "", sessionContext: "", outcome: "success", errorCode: null, message: null, ...fields };
  }

  beforeAll(async () => {
    opened = (await openProcessStore(await fresh(), 30))!;
    await opened.store.write([
      stored("h4", 4), stored("h5", 5, { taskType: "Transcode" }), stored("h6", 6, { outcome: "failed", errorCode: "70000", message: "bad input" }),
      stored("h10", 10, { status: "ABORTED", outcome: "failed", errorCode: "ABORTED", finishTime: null }), stored("h20", 20),
      stored("other", 5, { subAppId: APP + 1 }), stored("w8", 8, { status: "WAITING", beginTime: null, finishTime: null, outcome: null }),
    ]);
    const sim = new SimUpstream(now);
    setUpstreamForTests(sim.gateway());
    resetMirrorsForTests({ timer: false });
    sim.end(sim.add({ create: now - 50 * 60_000, type: "Procedure", fileId: "f1" }), "FINISH", { at: now - 45 * 60_000 });
    sim.add({ create: now - 60_000, type: "EditMedia", fileId: "f2" });
  });
  afterAll(async () => {
    resetMirrorsForTests();
    setUpstreamForTests(undefined);
    await opened.close();
  });

  it("counts the store's history before the mirror's 72 hours, with the view's filters, in one window", async () => {
    const { status, body } = await get("?createdAfter=now-7d");
    expect(status).toBe(200);
    // h4, h5 and h6 from the store (w8, h10 and h20 are older, `other` another application's), two live ones.
    expect(body.coverage).toMatchObject({ tasksCounted: 5, complete: true, history: { tasksCounted: 3, durations: true } });
    expect(body.coverage).not.toHaveProperty("reason");
    expect(body.byStatus).toEqual({ WAITING: 1, PROCESSING: 0, FINISH: 4, ABORTED: 0 });
    expect(body.byType).toEqual([{ type: "Procedure", count: 3 }, { type: "EditMedia", count: 1 }, { type: "Transcode", count: 1 }]);
    expect(body.series.bucketSeconds).toBe(7_200);
    const total = (buckets: { total: number }[]) => buckets.reduce((sum, bucket) => sum + bucket.total, 0);
    expect(total(body.series.created)).toBe(5);
    expect(total(body.series.finished)).toBe(4);
    expect(Date.parse(body.series.created[0].start)).toBeLessThanOrEqual(now - 7 * DAY);
    expect(body.durations[0]).toMatchObject({ type: "all", wait: { count: 4 }, run: { count: 4 } });
    expect(body.errors).toEqual([{ code: "70000", count: 1, message: "bad input", types: ["Procedure"] }]);
    expect(body.history).toEqual({ before: expect.stringMatching(/Z$/), days: 30 });
    expect(Math.abs(Date.parse(body.history.before) - (now - 3 * DAY))).toBeLessThan(10_000);
  });

  it("picks buckets of 8 hours over 30 days and counts the whole kept history", async () => {
    const { body } = await get("?createdAfter=now-30d");
    expect(body.series.bucketSeconds).toBe(28_800);
    expect(body.series.created.length).toBeGreaterThanOrEqual(90);
    expect(body.series.created.length).toBeLessThanOrEqual(92);
    expect(body.coverage).toMatchObject({ tasksCounted: 8, history: { tasksCounted: 6 } });
    expect(body.errors.map((error: { code: string }) => error.code).sort()).toEqual(["70000", "ABORTED"]);
  });

  it("applies status, outcome, errorCode, type, fileId, finished bounds and subAppId to the store's part too", async () => {
    const counted = async (query: string) => (await get(query)).body.coverage;
    expect(await counted("?createdAfter=now-30d&status=FINISH")).toMatchObject({ tasksCounted: 5, history: { tasksCounted: 4 } });
    expect(await counted("?createdAfter=now-30d&outcome=failed")).toMatchObject({ history: { tasksCounted: 2, durations: false } });
    expect(await counted("?createdAfter=now-30d&errorCode=70000")).toMatchObject({ history: { tasksCounted: 1 } });
    expect(await counted("?createdAfter=now-30d&type=Transcode")).toMatchObject({ tasksCounted: 1, history: { tasksCounted: 1 } });
    expect(await counted("?createdAfter=now-30d&fileId=f1")).toMatchObject({ history: { tasksCounted: 6, durations: true } });
    expect(await counted("?createdAfter=now-30d&createdBefore=now-5d")).toMatchObject({ tasksCounted: 5, history: { tasksCounted: 5 } });
    expect(await counted("?finishedAfter=now-7d&finishedBefore=now-4d")).toMatchObject({ history: { tasksCounted: 2 } });
    expect(await counted("?createdAfter=now-30d&subAppId=1500000002")).toMatchObject({ history: { tasksCounted: 1 } });
  });

  it("counts a task written to an hour already counted", async () => {
    expect((await get("?createdAfter=now-7d")).body.coverage.history.tasksCounted).toBe(3);
    await opened.store.write([stored("late", 6, { taskType: "Transcode" })]);
    const { body } = await get("?createdAfter=now-7d");
    expect(body.coverage.history.tasksCounted).toBe(4);
    expect(body.byType).toContainEqual({ type: "Transcode", count: 2 });
  });

  it("still refuses a window older than the history it keeps, naming the parameter", async () => {
    const { status, body } = await get("?createdAfter=now-31d");
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^createdAfter:/);
  });
});
