import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/lib/server/routes/stats";
import type { Gateway } from "@/lib/vod/gateway";
import { WINDOW_MS } from "@/lib/vod/wire";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { createPacer } from "./pacer";
import { mirrorInstance, resetMirrorsForTests } from "./registry";
import { startEmulatorRig, type EmulatorRig } from "./testing/emulator-rig";
import { toUpstreamTime } from "@/lib/filters/describe-tasks-request";

const SUBAPP = 1500000001;
let rig: EmulatorRig;

/** Counts by status the slow way: every page of the window, straight from upstream. */
async function countDirectly(gateway: Gateway, nowMs: number) {
  const counts: Record<string, number> = { WAITING: 0, PROCESSING: 0, FINISH: 0, ABORTED: 0 };
  let token: string | undefined;
  do {
    const page = await gateway.describeTasks({ SubAppId: SUBAPP, CreateTime: { After: toUpstreamTime(nowMs - WINDOW_MS) }, Limit: 100, ScrollToken: token }, { maxAgeMs: 0 });
    for (const task of page.TaskSet) counts[task.Status]++;
    token = page.ScrollToken || undefined;
  } while (token);
  return counts;
}

async function stats(query = "") {
  const response = await GET(new Request(`http://dashboard.test/api/stats${query}`));
  expect(response.status).toBe(200);
  return response.json();
}

beforeAll(async () => {
  process.env.VOD_LOG = "silent";
  rig = await startEmulatorRig({ seed: 7, tasksPerHour: 600 });
  setUpstreamForTests(rig.gateway);
  resetMirrorsForTests({ timer: false, now: () => rig.clock.now, pacer: createPacer(100) });
});

afterAll(async () => {
  resetMirrorsForTests();
  setUpstreamForTests(undefined);
  delete process.env.VOD_LOG;
  await rig?.emulator.close();
});

describe("the mirror against the emulator", () => {
  it("fills, then counts exactly what paging DescribeTasks gives, a few calls per refresh", async () => {
    const mirror = mirrorInstance(SUBAPP);
    await mirror.sync();
    expect(mirror.health()).toMatchObject({ state: "ready", lastError: null });
    const first = await stats();
    expect(first.coverage.complete).toBe(true);
    expect(first.byStatus).toEqual(await countDirectly(rig.gateway, rig.clock.now));

    const costs: number[] = [];
    for (let refresh = 0; refresh < 24; refresh++) {
      rig.clock.now += 5_000;
      const before = await rig.calls();
      await mirror.sync();
      costs.push((await rig.calls()).DescribeTasks - before.DescribeTasks);
    }
    const later = await stats("?subAppId=1500000001");
    expect(later.byStatus).toEqual(await countDirectly(rig.gateway, rig.clock.now));
    expect(Math.max(...costs)).toBeLessThanOrEqual(5);
    expect((await rig.calls()).errors.RequestLimitExceeded ?? 0).toBe(0);
  });

  it("looks up each recent outcome once", async () => {
    const mirror = mirrorInstance(SUBAPP);
    const before = (await rig.calls()).DescribeTaskDetail;
    await mirror.lookUpOutcomes(rig.clock.now - 3_600_000);
    const looked = (await rig.calls()).DescribeTaskDetail - before;
    const outcomes = mirror.recentOutcomes();
    expect(outcomes.known).toBe(outcomes.ended);
    expect(looked).toBeLessThanOrEqual(outcomes.ended);
    expect(outcomes.success + outcomes.failed).toBe(outcomes.known);
    await mirror.lookUpOutcomes(rig.clock.now - 3_600_000);
    expect((await rig.calls()).DescribeTaskDetail - before).toBe(looked);
  });
});
