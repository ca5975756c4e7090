import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { knownOutcomes } from "@/lib/store/known-outcomes";
import { linkStore } from "@/lib/store/process-store";
import { storeRecorder } from "@/lib/store/store-recorder";
import { StoreWriter } from "@/lib/store/store-writer";
import type { TaskStore } from "@/lib/store/task-store";
import { useStoreEngine } from "@/lib/testing/store-engines";
import type { Gateway } from "@/lib/vod/gateway";
import { recordingGateway } from "@/lib/vod/recording-gateway";
import { Mirror } from "./mirror";
import { UNKNOWN } from "./outcome-columns";
import { createPacer } from "./pacer";
import { ABORTED, FINISH } from "./status-code";
import { startEmulatorRig, type EmulatorRig } from "./testing/emulator-rig";

const SUBAPP = 1500000001;
let rig: EmulatorRig;

beforeAll(async () => {
  process.env.VOD_LOG = "silent";
  // A small workload keeps the window's lookups to a few seconds at the emulator's 100 per second.
  // A fixed window that holds several aborted tasks: at 0.3% of a few hundred, many windows hold none.
  rig = await startEmulatorRig({ seed: 11, tasksPerHour: 10, startMs: Date.UTC(2026, 10, 30, 12, 0, 0) });
});

afterAll(async () => {
  delete process.env.VOD_LOG;
  await rig?.emulator.close();
});

/** A process's wiring: the store's writer behind a recording gateway that also notes every detail asked for. */
function boot(store: TaskStore, options: { fromStore?: boolean } = {}) {
  const writer = new StoreWriter(store, { flushMs: 5 });
  const asked: string[] = [];
  const recording = recordingGateway(rig.gateway, () => storeRecorder(writer));
  const gateway: Gateway = {
    describeTasks: (request, opts) => recording.describeTasks(request, opts),
    describeTaskDetail: (request, opts) => {
      asked.push(request.TaskId!);
      return recording.describeTaskDetail(request, opts);
    },
  };
  const mirror = new Mirror({
    gateway: () => gateway, subAppId: SUBAPP, pacer: createPacer(90), now: () => rig.clock.now, timer: false,
    store: options.fromStore === false ? undefined : linkStore(store, writer),
    storedOutcomes: (app, ids) => knownOutcomes(store, app, ids), unwatchedSyncMs: 5_000,
  });
  return { writer, mirror, asked };
}

async function until(condition: () => boolean, ms = 60_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function ended(mirror: Mirror) {
  const { table } = mirror;
  const finished: string[] = [];
  const aborted: string[] = [];
  let unknown = 0;
  for (let slot = 0; slot < table.end; slot++) {
    if (table.status[slot] === FINISH) finished.push(table.ids[slot]);
    if (table.status[slot] === ABORTED) aborted.push(table.ids[slot]);
    if ((table.status[slot] === FINISH || table.status[slot] === ABORTED) && mirror.outcomeColumns.of(slot) === UNKNOWN) unknown++;
  }
  return { finished, aborted, unknown };
}

describe("the outcome worker against the emulator", () => {
  const { open, fresh } = useStoreEngine("sqlite");
  let location: Awaited<ReturnType<typeof fresh>>;

  it("learns every finished task's outcome in the background with nobody watching, each looked up once, aborts without a call", async () => {
    location = await fresh();
    const store = await open(location);
    const { mirror, writer, asked } = boot(store);
    const before = (await rig.calls()).DescribeTaskDetail;
    // Nobody asks for stats: the worker fills the mirror and looks everything up on its own.
    mirror.startOutcomeLookups();
    try {
      await until(() => mirror.hasData && mirror.health().state === "ready" && mirror.outcomeProgress().pending === 0);
    } finally {
      mirror.stopOutcomeLookups();
    }
    const { finished, aborted, unknown } = ended(mirror);
    expect(finished.length).toBeGreaterThan(100);
    expect(aborted.length).toBeGreaterThan(0);
    expect(unknown).toBe(0);
    // Once each, newest first; never an aborted task.
    expect(new Set(asked).size).toBe(asked.length);
    expect(new Set(asked)).toEqual(new Set(finished));
    expect(asked.filter((taskId) => aborted.includes(taskId))).toEqual([]);
    expect((await rig.calls()).DescribeTaskDetail - before).toBe(finished.length);
    const finishOf = (taskId: string) => mirror.table.finish[mirror.table.slotOf(taskId)];
    expect(asked.slice(0, 20).map(finishOf)).toEqual(asked.slice(0, 20).map(finishOf).sort((a, b) => b - a));

    const outcomes = finished.map((taskId) => mirror.outcomeColumns.outcome(mirror.table.slotOf(taskId)));
    expect(outcomes).toContain("success");
    expect(outcomes).toContain("failed");
    // Written through to the store: nothing in the window is pending there either.
    await writer.drain();
    expect(await store.summary(rig.clock.now)).toMatchObject({ outcomesPending: 0, outcomesKnown: finished.length + aborted.length });
    expect(mirror.outcomeProgress()).toMatchObject({ pending: 0, known: finished.length + aborted.length, lookups: finished.length });
    const failedCount = outcomes.filter((outcome) => outcome === "failed").length + aborted.length;
    expect(mirror.stats({ sort: "createTime:desc", limit: 50 }).coverage.outcomes).toEqual({ known: finished.length + aborted.length, pending: 0, failed: failedCount });
  }, 120_000);

  it("knows new finishes soon after, still with nobody watching", async () => {
    const store = await open(location);
    const { mirror, asked, writer } = boot(store);
    await mirror.sync();
    await mirror.lookUpOutcomes();
    expect(asked).toEqual([]);
    rig.clock.now += 30 * 60_000;
    mirror.startOutcomeLookups();
    try {
      await until(() => mirror.outcomeProgress().pending === 0 && ended(mirror).unknown === 0 && mirror.health().syncedAt === new Date(rig.clock.now).toISOString().replace(/\.\d{3}Z$/, "Z"));
    } finally {
      mirror.stopOutcomeLookups();
    }
    expect(asked.length).toBeGreaterThan(0);
    expect(new Set(asked).size).toBe(asked.length);
    await writer.drain();
  }, 120_000);

  it("never looks an outcome up again after a restart, whether the window comes from the store or from upstream", async () => {
    const store = await open(location);
    const restored = boot(store);
    await restored.mirror.sync();
    expect(restored.mirror.health().fill).toBeNull();
    await restored.mirror.lookUpOutcomes();
    expect(restored.asked).toEqual([]);
    expect(restored.mirror.outcomeProgress()).toMatchObject({ pending: 0, lookups: 0 });

    // Filled from upstream (no sync marks to start from): the store is asked before upstream.
    const refilled = boot(store, { fromStore: false });
    await refilled.mirror.sync();
    expect(refilled.mirror.health().fill).not.toBeNull();
    await refilled.mirror.lookUpOutcomes();
    expect(refilled.asked).toEqual([]);
    expect(refilled.mirror.outcomeProgress()).toMatchObject({ pending: 0, lookups: 0 });
    expect(refilled.mirror.outcomeProgress().fromStore).toBeGreaterThan(100);
    expect(ended(refilled.mirror).unknown).toBe(0);
  }, 120_000);
});
