import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resetMirrorsForTests } from "@/lib/mirror/registry";
import { SimUpstream, type SimTask } from "@/lib/mirror/testing/sim-upstream";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET } from "./task-updates";

async function get(query: string) {
  const response = await GET(new Request(`http://dashboard.test/api/tasks/updates${query}`));
  return { status: response.status, body: await response.json() };
}

let sim: SimUpstream;
let waiting: SimTask;
let running: SimTask;

beforeEach(() => {
  sim = new SimUpstream(Date.now());
  setUpstreamForTests(sim.gateway());
  resetMirrorsForTests({ timer: false, syncIntervalMs: 0 });
  waiting = sim.add({ create: sim.now - 60_000, type: "Procedure", fileId: "f1" });
  running = sim.add({ create: sim.now - 120_000, type: "EditMedia", fileId: "f2" });
  sim.start(running, sim.now - 100_000);
});

afterEach(() => {
  resetMirrorsForTests();
  setUpstreamForTests(undefined);
});

describe("GET /api/tasks/updates", () => {
  it("answers the mirror's current reading of the asked tasks, leaving unknown ones out", async () => {
    const { status, body } = await get(`?ids=${running.id},nope,${waiting.id}`);
    expect(status).toBe(200);
    expect(body.tasks.map((task: { taskId: string; status: string }) => [task.taskId, task.status])).toEqual([
      [running.id, "PROCESSING"], [waiting.id, "WAITING"],
    ]);
    expect(body.tasks[1]).toMatchObject({ taskType: "Procedure", fileId: "f1", beginProcessTime: null, finishTime: null });
    expect(body.syncedAt).toEqual(expect.any(String));
  });

  it("shows a status change after the mirror's next sync, at no cost per asked task", async () => {
    await get(`?ids=${waiting.id}`);
    sim.start(waiting);
    sim.end(running, "FINISH");
    const callsBefore = sim.requests.length;
    const { body } = await get(`?ids=${waiting.id},${running.id}`);
    expect(body.tasks.map((task: { status: string }) => task.status)).toEqual(["PROCESSING", "FINISH"]);
    expect(body.tasks[1].finishTime).toEqual(expect.any(String));
    // The sync costs a handful of list calls, never one per task asked about.
    expect(sim.requests.length - callsBefore).toBeLessThanOrEqual(5);
  });

  it.each([
    ["", "ids"],
    ["?ids=", "ids"],
    ["?ids=a&ids=b", "ids"],
    [`?ids=${Array.from({ length: 201 }, (_, i) => `t${i}`).join(",")}`, "ids"],
    ["?ids=a%20b", "ids"],
    ["?ids=a&subAppId=3", "subAppId"],
  ])("answers 400 naming the parameter for %s", async (query, param) => {
    const { status, body } = await get(query);
    expect(status).toBe(400);
    expect(body.error.message.startsWith(`${param}:`)).toBe(true);
  });
});
