import { describe, expect, it } from "vitest";
import { Mirror } from "./mirror";
import { createPacer } from "./pacer";
import { SimUpstream } from "./testing/sim-upstream";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

async function filledMirror() {
  const sim = new SimUpstream(NOW);
  const minutesAgo = (m: number) => NOW - m * 60_000;
  const w1 = sim.add({ create: minutesAgo(3) });
  sim.add({ create: minutesAgo(1) });
  const p1 = sim.add({ create: minutesAgo(30), type: "EditMedia" });
  sim.start(p1, minutesAgo(29));
  const p2 = sim.add({ create: minutesAgo(10) });
  sim.start(p2, minutesAgo(5));
  sim.end(sim.add({ create: minutesAgo(20) }), "FINISH", { at: minutesAgo(2) });
  sim.end(sim.add({ create: minutesAgo(20) }), "FINISH", { at: minutesAgo(2), failed: true });
  sim.end(sim.add({ create: minutesAgo(20) }), "ABORTED", { at: minutesAgo(1) });
  sim.end(sim.add({ create: minutesAgo(200) }), "FINISH", { at: minutesAgo(90) });
  const mirror = new Mirror({ gateway: () => sim.gateway(), subAppId: 1, pacer: createPacer(10_000), now: () => sim.now, timer: false, idleStopMs: 0 });
  await mirror.sync();
  return { sim, mirror, w1, p1 };
}

describe("the on-call view of a mirror", () => {
  it("lists waiting and running tasks, the oldest first", async () => {
    const { mirror, w1, p1 } = await filledMirror();
    const active = mirror.activeTasks({ limit: 1 });
    expect(active).toMatchObject({ waitingCount: 2, processingCount: 2 });
    expect(active.waiting).toEqual([{ taskId: w1.id, taskType: "Procedure", fileId: w1.fileId, createTime: "2026-12-01T11:57:00Z", beginProcessTime: null, waitSeconds: 180, runSeconds: null }]);
    expect(active.processing[0]).toMatchObject({ taskId: p1.id, taskType: "EditMedia", waitSeconds: 60, runSeconds: 29 * 60 });
  });

  it("counts ended tasks per minute for six hours", async () => {
    const { mirror } = await filledMirror();
    const series = mirror.finishedPerMinute();
    expect(series).toHaveLength(360);
    expect(series.at(-1)?.start).toBe("2026-12-01T12:00:00Z");
    expect(series.filter((minute) => minute.finished + minute.aborted > 0)).toEqual([
      { start: "2026-12-01T10:30:00Z", finished: 1, aborted: 0 },
      { start: "2026-12-01T11:58:00Z", finished: 2, aborted: 0 },
      { start: "2026-12-01T11:59:00Z", finished: 0, aborted: 1 },
    ]);
  });

  it("learns each outcome of the last hour once, aborts without a lookup", async () => {
    const { sim, mirror } = await filledMirror();
    expect(mirror.recentOutcomes()).toMatchObject({ ended: 3, known: 1, failed: 1, success: 0 });
    expect(await mirror.lookUpOutcomes(NOW - 3_600_000)).toBe(2);
    expect(sim.detailCalls).toBe(2);
    const outcomes = mirror.recentOutcomes();
    expect(outcomes).toMatchObject({ ended: 3, known: 3, success: 1, failed: 2 });
    expect(outcomes.failures.map((failure) => failure.errorCode)).toEqual(["ABORTED", "InternalError.Transcode"]);
    expect(await mirror.lookUpOutcomes(NOW - 3_600_000)).toBe(0);
    expect(sim.detailCalls).toBe(2);
  });

  it("reports its health", async () => {
    const { mirror } = await filledMirror();
    expect(mirror.health()).toMatchObject({ state: "ready", tasks: 8, syncedAt: "2026-12-01T12:00:00Z", lastError: null, pendingChecks: 0, lastSync: { calls: 4 } });
  });
});
