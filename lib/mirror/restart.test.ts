import { describe, expect, it } from "vitest";
import { linkStore } from "@/lib/store/process-store";
import { storeRecorder } from "@/lib/store/store-recorder";
import { StoreWriter } from "@/lib/store/store-writer";
import type { TaskStore } from "@/lib/store/task-store";
import { STORE_ENGINES, useStoreEngine } from "@/lib/testing/store-engines";
import type { Gateway } from "@/lib/vod/gateway";
import { recordingGateway } from "@/lib/vod/recording-gateway";
import { WINDOW_MS } from "@/lib/vod/wire";
import { Mirror } from "./mirror";
import { createPacer } from "./pacer";
import { mirrorState } from "./testing/mirror-state";
import { SimUpstream } from "./testing/sim-upstream";
import { prefill, runWorkload, seeded } from "./testing/sim-workload";

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const APP = 1500000001;


function upstreamState(sim: SimUpstream) {
  return new Map(sim.visible().map((task) => [task.id, `${task.status} ${task.begin ?? NaN} ${task.finish ?? NaN}`]));
}

async function settle(mirror: Mirror) {
  for (let i = 0; i < 500 && mirror.health().pendingChecks > 0; i++) await new Promise((resolve) => setTimeout(resolve, 1));
}

/** A process's worth of wiring: the store, its writer, a recording gateway and one mirror. */
function boot(sim: SimUpstream, store: TaskStore, spy: (gateway: Gateway) => Gateway = (g) => g) {
  const writer = new StoreWriter(store, { flushMs: 5 });
  const gateway = spy(recordingGateway(sim.gateway(), () => storeRecorder(writer)));
  const mirror = new Mirror({ gateway: () => gateway, subAppId: APP, pacer: createPacer(100_000), now: () => sim.now, timer: false, fillWorkers: 4, store: linkStore(store, writer) });
  return { writer, mirror };
}

describe.each(STORE_ENGINES)("a mirror restarted on %s", (engine) => {
  const { open, fresh } = useStoreEngine(engine);

  it("starts from the store, before any upstream call, then reads only what changed", async () => {
    const location = await fresh();
    const sim = new SimUpstream(NOW);
    const rand = seeded(7);
    prefill(sim, rand, 73, 250);
    const first = boot(sim, await open(location));
    let calls = sim.requests.length;
    await first.mirror.sync();
    const fillCalls = sim.requests.length - calls;
    for (let i = 0; i < 3; i++) {
      runWorkload(sim, rand, 5, 250);
      await first.mirror.sync();
      await settle(first.mirror);
    }
    await first.writer.drain();
    expect(first.mirror.table.count).toBeGreaterThan(15_000);

    // Down for two minutes while work goes on upstream; then a new process on the same store.
    runWorkload(sim, rand, 120, 250);
    const { table } = first.mirror;
    let heldAtStop = 0;
    for (let slot = 0; slot < table.end; slot++) if (table.status[slot] !== 0 && table.create[slot] >= sim.now - WINDOW_MS) heldAtStop++;
    let heldAtFirstCall = -1;
    const second = boot(sim, await open(location), (gateway) => ({
      ...gateway,
      describeTasks: (request, options) => {
        if (heldAtFirstCall < 0) heldAtFirstCall = second.mirror.table.count;
        return gateway.describeTasks(request, options);
      },
    }));
    calls = sim.requests.length;
    await second.mirror.sync();
    await settle(second.mirror);
    const restartCalls = sim.requests.length - calls;
    // Everything it held that is still in the window, before upstream is asked anything.
    expect(heldAtFirstCall).toBe(heldAtStop);
    expect(restartCalls).toBeLessThan(fillCalls / 20);
    expect(mirrorState(second.mirror)).toEqual(upstreamState(sim));
    expect(second.mirror.health().state).toBe("ready");
    expect(second.mirror.stats({ sort: "createTime:desc", limit: 50 }).coverage.complete).toBe(true);
  });

  it("says it is catching up while upstream has not answered yet, and keeps outcomes it had learnt", async () => {
    const location = await fresh();
    const sim = new SimUpstream(NOW);
    const failed = sim.add({ create: NOW - 30 * 60_000 });
    sim.end(failed, "FINISH", { at: NOW - 10 * 60_000, failed: true });
    sim.add({ create: NOW - 60_000 });
    const first = boot(sim, await open(location));
    await first.mirror.sync();
    first.mirror.recentOutcomes();
    await first.mirror.lookUpOutcomes();
    await first.writer.drain();
    const detailCalls = sim.detailCalls;

    sim.now += 60_000;
    sim.down = true;
    const second = boot(sim, await open(location));
    await second.mirror.sync();
    expect(second.mirror.hasData).toBe(true);
    expect(second.mirror.health().state).toBe("restoring");
    const coverage = second.mirror.stats({ sort: "createTime:desc", limit: 50 }).coverage;
    expect(coverage).toMatchObject({ complete: false, tasksCounted: 2 });
    expect(coverage.reason).toMatch(/^catching up: 2 tasks from the store, reading what changed since 2026-11-28T12:00:00Z; the last attempt failed/);
    expect(second.mirror.recentOutcomes()).toMatchObject({ ended: 1, known: 1, failed: 1 });

    sim.down = false;
    await second.mirror.sync();
    await second.mirror.lookUpOutcomes();
    expect(second.mirror.health().state).toBe("ready");
    expect(sim.detailCalls).toBe(detailCalls);
  });

  it("starts from the store when the process stopped right after its fill, before any sync succeeded", async () => {
    const location = await fresh();
    const sim = new SimUpstream(NOW);
    prefill(sim, seeded(11), 73, 60);
    // The fill reads by CreateTime; every query of the sync after it fails, as if the process stopped then.
    let syncing = false;
    const first = boot(sim, await open(location), (gateway) => ({
      ...gateway,
      describeTasks: (request, options) => {
        if (request.Status || request.FinishTime) syncing = true;
        if (syncing) return Promise.reject(new Error("stopped"));
        return gateway.describeTasks(request, options);
      },
    }));
    let calls = sim.requests.length;
    await first.mirror.sync();
    const fillCalls = sim.requests.length - calls;
    expect(first.mirror.stats({ sort: "createTime:desc", limit: 50 }).coverage.complete).toBe(false);
    await first.writer.drain();

    const second = boot(sim, await open(location));
    calls = sim.requests.length;
    await second.mirror.sync();
    expect(second.mirror.health().fill).toBeNull();
    expect(sim.requests.length - calls).toBeLessThan(fillCalls / 5);
    expect(mirrorState(second.mirror)).toEqual(upstreamState(sim));
    expect(second.mirror.stats({ sort: "createTime:desc", limit: 50 }).coverage.complete).toBe(true);
  });

  it("fills from upstream when the store's marks are older than the window", async () => {
    const location = await fresh();
    const sim = new SimUpstream(NOW);
    sim.add({ create: NOW - 60_000 });
    const first = boot(sim, await open(location));
    await first.mirror.sync();
    await first.writer.drain();
    sim.now += 73 * 3_600_000;
    sim.add({ create: sim.now - 1_000 });
    const second = boot(sim, await open(location));
    await second.mirror.sync();
    expect(second.mirror.health().fill).not.toBeNull();
    expect(second.mirror.table.count).toBe(1);
  });
});
