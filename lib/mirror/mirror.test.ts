import { describe, expect, it } from "vitest";
import { Mirror } from "./mirror";
import { createPacer } from "./pacer";
import { STATUS_NAME } from "./status-code";
import { SimUpstream } from "./testing/sim-upstream";
import { prefill, runWorkload, seeded } from "./testing/sim-workload";

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

function setup(options: { fillWorkers?: number } = {}) {
  const sim = new SimUpstream(NOW);
  const mirror = new Mirror({ gateway: () => sim.gateway(), subAppId: 1500000001, pacer: createPacer(100_000), now: () => sim.now, timer: false, ...options });
  return { sim, mirror };
}

/** Lets the background detail lookups that a sync started finish. */
async function settle(mirror: Mirror) {
  for (let i = 0; i < 200 && mirror.health().pendingChecks > 0; i++) await new Promise((resolve) => setTimeout(resolve, 1));
}

function upstreamState(sim: SimUpstream) {
  return new Map(sim.visible().map((task) => [task.id, { status: task.status, begin: task.begin ?? NaN, finish: task.finish ?? NaN, type: task.type }]));
}

function mirrorState(mirror: Mirror) {
  const { table } = mirror;
  const state = new Map<string, { status: string; begin: number; finish: number; type: string }>();
  for (let slot = 0; slot < table.end; slot++) {
    if (table.status[slot] === 0) continue;
    state.set(table.ids[slot], { status: STATUS_NAME[table.status[slot]], begin: table.begin[slot], finish: table.finish[slot], type: table.types.get(table.type[slot]) });
  }
  return state;
}

describe("Mirror", () => {
  it("fills the window, then follows arrivals, starts and ends to exactly the upstream set, a few calls a refresh", async () => {
    const { sim, mirror } = setup({ fillWorkers: 6 });
    const rand = seeded(1);
    prefill(sim, rand, 73, 150);
    await mirror.sync();
    expect(mirror.health().state).toBe("ready");
    expect(mirrorState(mirror)).toEqual(upstreamState(sim));

    const costs: number[] = [];
    for (let refresh = 0; refresh < 120; refresh++) {
      runWorkload(sim, rand, 5, 600);
      const before = sim.requests.length;
      await mirror.sync();
      costs.push(sim.requests.length - before);
      await settle(mirror);
    }
    // A running task that ended without a FinishTime is found by the periodic reconciliation.
    sim.now += 11 * 60_000;
    await mirror.sync();
    await settle(mirror);
    const final = upstreamState(sim);
    expect([...final.values()].filter((task) => task.status === "ABORTED" && Number.isNaN(task.finish)).length).toBeGreaterThan(0);
    expect(mirrorState(mirror)).toEqual(final);
    expect(Math.max(...costs)).toBeLessThanOrEqual(5);
    expect(mirror.health().lastError).toBeNull();
  });

  it("drops tasks that leave the 72-hour window", async () => {
    const { sim, mirror } = setup();
    const old = sim.add({ create: NOW - 72 * 3_600_000 + 30_000 });
    sim.end(old, "FINISH", { at: NOW - 71 * 3_600_000 });
    const recent = sim.add({ create: NOW - 3_600_000 });
    await mirror.sync();
    expect(mirror.table.count).toBe(2);
    sim.now += 60_000;
    await mirror.sync();
    expect(mirror.table.slotOf(old.id)).toBe(-1);
    expect(mirror.table.slotOf(recent.id)).toBeGreaterThanOrEqual(0);
    expect(mirror.table.count).toBe(1);
  });

  it("reconciles tasks that vanish from WAITING and PROCESSING without a FinishTime", async () => {
    const { sim, mirror } = setup();
    const waiting = sim.add({ create: NOW - 60_000 });
    const running = sim.add({ create: NOW - 20 * 60_000 });
    sim.start(running, NOW - 19 * 60_000);
    const started = sim.add({ create: NOW - 30_000 });
    await mirror.sync();
    sim.now += 5_000;
    sim.end(waiting, "ABORTED", { withFinishTime: false });
    sim.end(running, "ABORTED", { withFinishTime: false });
    sim.start(started);
    await mirror.sync();
    await settle(mirror);
    const state = mirrorState(mirror);
    expect(state.get(waiting.id)?.status).toBe("ABORTED");
    expect(state.get(started.id)).toMatchObject({ status: "PROCESSING", begin: sim.now });
    // The running one is checked at the next reconciliation, which is not due yet.
    expect(state.get(running.id)?.status).toBe("PROCESSING");
    sim.now += 60_000;
    await mirror.sync();
    await settle(mirror);
    expect(mirrorState(mirror).get(running.id)?.status).toBe("ABORTED");
  });

  it("keeps its data through a failed sync, says so, and recovers on the next", async () => {
    const { sim, mirror } = setup();
    sim.add({ create: NOW - 60_000 });
    await mirror.sync();
    sim.down = true;
    sim.now += 5_000;
    await mirror.sync();
    const stale = mirror.stats({ sort: "createTime:desc", limit: 50 });
    expect(stale.coverage).toMatchObject({ complete: false, tasksCounted: 1, syncedAt: "2026-11-28T12:00:00Z" });
    expect(stale.coverage.reason).toMatch(/last sync failed \(The VOD API is unavailable/);
    expect(mirror.health().lastError).toMatchObject({ code: "UpstreamUnavailable" });
    sim.down = false;
    await mirror.sync();
    expect(mirror.stats({ sort: "createTime:desc", limit: 50 }).coverage).toMatchObject({ complete: true, syncedAt: "2026-11-28T12:00:05Z" });
  });

  it("answers while filling with what it has, and resumes a fill that failed", async () => {
    const { sim, mirror } = setup({ fillWorkers: 1 });
    for (let i = 0; i < 450; i++) sim.end(sim.add({ create: NOW - 1_000 * (i + 10) }));
    const gateway = sim.gateway();
    let calls = 0;
    const flaky = { ...gateway, describeTasks: async (request: Parameters<typeof gateway.describeTasks>[0]) => {
      if (++calls === 3) throw new Error("boom");
      return gateway.describeTasks(request);
    } };
    const partial = new Mirror({ gateway: () => flaky, subAppId: 1, pacer: createPacer(1_000), now: () => sim.now, timer: false, fillWorkers: 1 });
    await partial.sync();
    expect(partial.hasData).toBe(true);
    const during = partial.stats({ sort: "createTime:desc", limit: 50 });
    expect(during.coverage).toMatchObject({ complete: false, tasksCounted: 200 });
    expect(during.coverage.reason).toMatch(/^filling: 200 tasks so far; the last attempt failed/);
    await partial.sync();
    expect(partial.table.count).toBe(450);
    expect(partial.stats({ sort: "createTime:desc", limit: 50 }).coverage.complete).toBe(true);
    expect(mirror.health().state).toBe("empty");
  });

  it("says a view reaching past its 72 hours counts only those 72 hours", async () => {
    const { sim, mirror } = setup();
    sim.add({ create: NOW - 60_000 });
    await mirror.sync();
    const stats = mirror.stats({ sort: "createTime:desc", limit: 50, createdAfter: "now-7d" });
    expect(stats.coverage).toMatchObject({ complete: false, tasksCounted: 1 });
    expect(stats.coverage.reason).toMatch(/^the last 72 hours only/);
    expect(mirror.stats({ sort: "createTime:desc", limit: 50, createdAfter: "now-3d" }).coverage.complete).toBe(true);
  });
});
