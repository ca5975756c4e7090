import { describe, expect, it } from "vitest";
import { linkStore } from "@/lib/store/process-store";
import { storeRecorder } from "@/lib/store/store-recorder";
import { StoreWriter } from "@/lib/store/store-writer";
import type { TaskStore } from "@/lib/store/task-store";
import { STORE_ENGINES, useStoreEngine } from "@/lib/testing/store-engines";
import { recordingGateway } from "@/lib/vod/recording-gateway";
import { FOLLOW_OVERLAP_MS, followStore } from "./follow-store";
import { Mirror } from "./mirror";
import type { MirrorStore } from "./mirror-store";
import { OutcomeColumns } from "./outcome-columns";
import { TaskColumns } from "./task-columns";
import { createPacer } from "./pacer";
import { mirrorState } from "./testing/mirror-state";
import { SimUpstream } from "./testing/sim-upstream";
import { prefill, runWorkload, seeded } from "./testing/sim-workload";

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);
const APP = 1500000001;


/** A replica's worth of wiring on a shared store; `role.collecting` says which one it is now. */
function replica(sim: SimUpstream, store: TaskStore, collecting: boolean) {
  const role = { collecting, calls: 0 };
  const writer = new StoreWriter(store, { flushMs: 5 });
  const upstream = recordingGateway(sim.gateway(), () => storeRecorder(writer));
  const counted = {
    describeTasks: (...args: Parameters<typeof upstream.describeTasks>) => (role.calls++, upstream.describeTasks(...args)),
    describeTaskDetail: (...args: Parameters<typeof upstream.describeTaskDetail>) => (role.calls++, upstream.describeTaskDetail(...args)),
  };
  const mirror = new Mirror({ gateway: () => counted, subAppId: APP, pacer: createPacer(100_000), now: () => sim.now, timer: false, fillWorkers: 4,
    store: linkStore(store, writer), collecting: () => role.collecting });
  return { role, writer, mirror };
}

describe.each(STORE_ENGINES)("a follower's mirror on %s", (engine) => {
  const { open, fresh } = useStoreEngine(engine);

  it("holds what the collector wrote, read from the store without an upstream call, and takes over from the store's marks", async () => {
    const location = await fresh();
    const sim = new SimUpstream(NOW);
    const rand = seeded(3);
    prefill(sim, rand, 73, 120);
    const collector = replica(sim, await open(location), true);
    const follower = replica(sim, await open(location), false);
    await collector.mirror.sync();
    for (let round = 0; round < 3; round++) {
      runWorkload(sim, rand, 5, 120);
      await collector.mirror.sync();
      await collector.writer.drain();
      await follower.mirror.sync();
      expect(mirrorState(follower.mirror)).toEqual(mirrorState(collector.mirror));
      expect(follower.mirror.stats({ sort: "createTime:desc", limit: 50 }).coverage).toMatchObject({ complete: true });
    }
    expect(follower.role.calls).toBe(0);

    // The collector is gone; the follower collects from where the store's marks say, not from scratch.
    runWorkload(sim, rand, 30, 120);
    follower.role.collecting = true;
    await follower.mirror.sync();
    expect(follower.role.calls).toBeGreaterThan(0);
    expect(follower.role.calls).toBeLessThanOrEqual(6);
    expect(mirrorState(follower.mirror)).toEqual(new Map(sim.visible().map((task) => [task.id, `${task.status} ${task.begin ?? NaN} ${task.finish ?? NaN}`])));
  });

  it("reads a write stamped before what it has read but committed after, once told of it", async () => {
    const location = await fresh();
    const sim = new SimUpstream(NOW);
    const store = await open(location);
    const follower = replica(sim, await open(location), false);
    const task = { subAppId: APP, taskType: "Procedure", status: "WAITING", fileId: "f", beginTime: null, finishTime: null, sessionId: "", sessionContext: "",
      outcome: null, errorCode: null, message: null } as const;
    const stamp = Date.now();
    await store.write([{ ...task, taskId: "early", createTime: NOW - 60_000 }], new Map(), stamp + 60_000);
    await follower.mirror.sync();
    // A slow transaction of another replica, stamped a minute before, commits now.
    await store.write([{ ...task, taskId: "late", createTime: NOW - 30_000 }], new Map(), stamp);
    await follower.mirror.sync();
    expect(follower.mirror.table.slotOf("late")).toBe(-1);
    follower.mirror.followBackTo(stamp);
    await follower.mirror.sync();
    expect(follower.mirror.table.slotOf("late")).toBeGreaterThanOrEqual(0);
  });
});

describe("a mirror that stops collecting", () => {
  it("reads back from a minute before it last collected, however long ago that was (a collector frozen for minutes)", async () => {
    const reads: number[] = [];
    const store: MirrorStore = {
      syncMarks: async () => undefined, loadWindow: async () => 0, saveSyncMarks: () => undefined, latestChange: async () => 0,
      changedSince: async (_app, since) => (reads.push(since), since),
    };
    const table = new TaskColumns();
    table.place("held", "Procedure", "f", 0, NOW - 3_600_000, NaN, NaN);
    const look = (collectedAt?: number) => followStore({ store, subAppId: APP, table, outcomes: new OutcomeColumns(table), cursor: undefined,
      windowStart: NOW - 72 * 3_600_000, now: NOW, collectedAt });
    await look(NOW - 600_000);
    await look(NOW - 2_000);
    await look();
    expect(reads).toEqual([NOW - 600_000 - 60_000 - FOLLOW_OVERLAP_MS, NOW - 2_000 - 60_000 - FOLLOW_OVERLAP_MS, NOW - 60_000 - FOLLOW_OVERLAP_MS]);
  });
});
