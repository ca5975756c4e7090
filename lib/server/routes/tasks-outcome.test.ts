import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { mirrorInstance, resetMirrorsForTests } from "@/lib/mirror/registry";
import { SimUpstream } from "@/lib/mirror/testing/sim-upstream";
import { openProcessStore, type ProcessStore } from "@/lib/store/process-store";
import { storeRecorder } from "@/lib/store/store-recorder";
import { recordingGateway } from "@/lib/vod/recording-gateway";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET as stats } from "./stats";
import { GET as tasks } from "./tasks";

const APP = 1500000001;

async function get(route: typeof tasks, name: string, query: string) {
  const response = await route(new Request(`http://dashboard.test/api/${name}${query}`));
  return { status: response.status, body: await response.json() };
}

const ids = (body: { tasks: { taskId: string }[] }) => body.tasks.map((task) => task.taskId);

describe("the outcome filter", () => {
  let dir = "";
  let opened: ProcessStore;
  let sim: SimUpstream;
  let succeeded: string, failed: string, aborted: string, unknown: string, running: string;

  beforeAll(() => {
    process.env.VOD_LOG = "silent";
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-outcome-"));
  });
  afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    delete process.env.VOD_LOG;
  });

  beforeEach(async () => {
    opened = (await openProcessStore({ engine: "sqlite", path: path.join(dir, `${Date.now()}-${Math.random()}.db`) }, 30))!;
    sim = new SimUpstream(Date.now() - 60_000);
    // Every answer is written through to the store, as in the server.
    setUpstreamForTests(recordingGateway(sim.gateway(), () => storeRecorder(opened.writer)));
    resetMirrorsForTests({ timer: false, now: () => sim.now });
    const minutesAgo = (m: number) => sim.now - m * 60_000;
    const add = (create: number, type: string) => sim.add({ create: minutesAgo(create), type });
    const ok = add(50, "Procedure");
    sim.end(ok, "FINISH", { at: minutesAgo(45) });
    const bad = add(40, "Procedure");
    sim.end(bad, "FINISH", { at: minutesAgo(39), failed: true });
    const abort = add(30, "EditMedia");
    sim.end(abort, "ABORTED", { at: minutesAgo(29) });
    const later = add(20, "Procedure");
    const run = add(10, "Procedure");
    sim.start(run, minutesAgo(9));
    [succeeded, failed, aborted, unknown, running] = [ok, bad, abort, later, run].map((task) => task.id);
    const mirror = mirrorInstance(APP);
    await mirror.sync();
    const calls = sim.detailCalls;
    await mirror.lookUpOutcomes();
    expect(sim.detailCalls - calls).toBe(2);
    // `later` finishes after the lookups: its outcome is still unknown.
    sim.now += 30_000;
    sim.end(later, "FINISH", { at: sim.now - 10_000 });
    await mirror.sync();
    await opened.writer.drain();
  });

  afterEach(async () => {
    resetMirrorsForTests();
    setUpstreamForTests(undefined);
    await opened.close();
  });

  it("lists only the failed tasks (aborts included), each with its outcome and error code, from the store", async () => {
    const { status, body } = await get(tasks, "tasks", "?outcome=failed");
    expect(status).toBe(200);
    expect(ids(body)).toEqual([aborted, failed]);
    expect(body.tasks[0]).toMatchObject({ outcome: "failed", errorCode: "ABORTED" });
    expect(body.tasks[1].outcome).toBe("failed");
    expect(typeof body.tasks[1].errorCode).toBe("string");
    expect(body.nextCursor).toBeNull();
    expect(ids((await get(tasks, "tasks", "?outcome=success")).body)).toEqual([succeeded]);
    expect(ids((await get(tasks, "tasks", "?outcome=failed&type=Procedure")).body)).toEqual([failed]);
  });

  it("pages the filtered set with a cursor bound to the filter", async () => {
    const first = await get(tasks, "tasks", "?outcome=failed&limit=1&sort=createTime:asc");
    expect(ids(first.body)).toEqual([failed]);
    const second = await get(tasks, "tasks", `?outcome=failed&limit=1&sort=createTime:asc&cursor=${first.body.nextCursor}`);
    expect(ids(second.body)).toEqual([aborted]);
    // The cursor belongs to its filter: used with another outcome it is refused.
    const foreign = await get(tasks, "tasks", `?outcome=success&limit=1&sort=createTime:asc&cursor=${first.body.nextCursor}`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.message).toMatch(/^cursor:/);
  });

  it("gives every task of an unfiltered list its outcome, null while unknown", async () => {
    const { body } = await get(tasks, "tasks", "");
    const byId = new Map(body.tasks.map((task: { taskId: string; outcome: unknown; errorCode: unknown }) => [task.taskId, task]));
    expect(byId.get(succeeded)).toMatchObject({ outcome: "success", errorCode: null });
    expect(byId.get(aborted)).toMatchObject({ outcome: "failed", errorCode: "ABORTED" });
    expect(byId.get(unknown)).toMatchObject({ outcome: null, errorCode: null });
    expect(byId.get(running)).toMatchObject({ outcome: null, errorCode: null });
  });

  it("counts only the tasks of that outcome in /api/stats", async () => {
    const failedOnly = await get(stats, "stats", "?outcome=failed");
    expect(failedOnly.status).toBe(200);
    expect(failedOnly.body.byStatus).toEqual({ WAITING: 0, PROCESSING: 0, FINISH: 1, ABORTED: 1 });
    expect(failedOnly.body.coverage).toMatchObject({ tasksCounted: 2, outcomes: { known: 2, pending: 0 } });
    const all = await get(stats, "stats", "");
    expect(all.body.coverage.outcomes).toEqual({ known: 3, pending: 1, failed: 2 });
    expect((await get(stats, "stats", "?outcome=success")).body.byStatus.FINISH).toBe(1);
    // The errors summary: one group per code, with a message and the types it struck.
    expect(all.body.errors).toEqual([
      { code: "ABORTED", count: 1, message: "The task was aborted.", types: ["EditMedia"] },
      { code: "InternalError.Transcode", count: 1, message: expect.any(String), types: ["Procedure"] },
    ]);
  });

  it("filters the list and the stats to one error code, a failure's only", async () => {
    const list = await get(tasks, "tasks", "?errorCode=InternalError.Transcode");
    expect(list.status).toBe(200);
    expect(ids(list.body)).toEqual([failed]);
    expect(ids((await get(tasks, "tasks", "?errorCode=ABORTED")).body)).toEqual([aborted]);
    // An error code belongs to a failure: with outcome=success nothing matches.
    expect(ids((await get(tasks, "tasks", "?errorCode=ABORTED&outcome=success")).body)).toEqual([]);
    const counted = await get(stats, "stats", "?errorCode=ABORTED");
    expect(counted.body.byStatus).toEqual({ WAITING: 0, PROCESSING: 0, FINISH: 0, ABORTED: 1 });
    expect(counted.body.errors).toEqual([{ code: "ABORTED", count: 1, message: "The task was aborted.", types: ["EditMedia"] }]);
    expect((await get(stats, "stats", "?errorCode=NoSuchCode")).body.coverage.tasksCounted).toBe(0);
    const bad = await get(tasks, "tasks", "?errorCode=has%20space");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/^errorCode: must be/);
  });

  it("answers 400 naming the parameter for a bad value", async () => {
    for (const route of [[tasks, "tasks"], [stats, "stats"]] as const) {
      const { status, body } = await get(route[0], route[1], "?outcome=maybe");
      expect(status).toBe(400);
      expect(body.error).toMatchObject({ code: "InvalidParameter" });
      expect(body.error.message).toMatch(/^outcome: must be one of success, failed/);
    }
  });
});
