import { describe, expect, it } from "vitest";
import { STORE_ENGINES, useStoreEngine } from "@/lib/testing/store-engines";
import { StoreWriter } from "./store-writer";
import type { TaskRow } from "./task-row";
import { TaskStore } from "./task-store";

const T0 = Date.UTC(2026, 10, 28, 12, 0, 0);
const row = (taskId: string, fields: Partial<TaskRow> = {}): TaskRow => ({
  taskId, subAppId: 7, taskType: "Procedure", status: "WAITING", fileId: "f", createTime: T0, beginTime: null, finishTime: null,
  sessionId: "", sessionContext: "", outcome: null, errorCode: null, message: null, ...fields,
});

/** Counts the store's transactions, and fails them while `failing` is set. */
class CountingStore extends TaskStore {
  writes = 0;
  /** Transactions committed (writes counts them as they begin). */
  committed = 0;
  failing = false;
  override async write(...args: Parameters<TaskStore["write"]>) {
    if (this.failing) throw new Error("disk full");
    this.writes++;
    const result = await super.write(...args);
    this.committed++;
    return result;
  }
}

describe.each(STORE_ENGINES)("the store writer on %s", (engine) => {
  const { open } = useStoreEngine(engine);

  it("merges readings of a task while they wait and writes them in one transaction with the marks", async () => {
    const store = new CountingStore((await open()).engine);
    const writer = new StoreWriter(store, { flushMs: 60_000 });
    writer.tasks([row("a"), row("b"), null]);
    writer.tasks([row("a", { status: "PROCESSING", beginTime: T0 + 1_000 })]);
    writer.tasks([row("a", { status: "WAITING" })]);
    writer.syncMarks(7, { createdUpTo: T0, finishedSince: T0 });
    expect(writer.pendingCount).toBe(2);
    await writer.drain();
    expect(store.writes).toBe(1);
    expect(await store.task("a")).toMatchObject({ status: "PROCESSING", beginTime: T0 + 1_000 });
    expect(await store.syncMarks(7)).toEqual({ createdUpTo: T0, finishedSince: T0 });
  });

  it("does not write again a WAITING or PROCESSING reading it has committed unchanged, and writes any change", async () => {
    const store = new CountingStore((await open()).engine);
    const writer = new StoreWriter(store, { flushMs: 60_000 });
    writer.tasks([row("a"), row("b", { status: "PROCESSING", beginTime: T0 + 1_000 })]);
    await writer.drain();
    expect(store.writes).toBe(1);
    // The next sync reads the same WAITING and PROCESSING sets: nothing to write.
    writer.tasks([row("a"), row("b", { status: "PROCESSING", beginTime: T0 + 1_000 })]);
    expect(writer.pendingCount).toBe(0);
    await writer.drain();
    expect(store.writes).toBe(1);
    expect(writer.unchanged).toBe(2);
    // A change is written: a start, an end, an outcome.
    writer.tasks([row("a", { status: "PROCESSING", beginTime: T0 + 2_000 }), row("b", { status: "FINISH", beginTime: T0 + 1_000, finishTime: T0 + 3_000 })]);
    expect(writer.pendingCount).toBe(2);
    await writer.drain();
    expect(store.writes).toBe(2);
    expect(await store.task("a")).toMatchObject({ status: "PROCESSING", beginTime: T0 + 2_000 });
    expect(await store.task("b")).toMatchObject({ status: "FINISH", finishTime: T0 + 3_000 });
    // A reading that failed to commit is not taken as written.
    store.failing = true;
    writer.tasks([row("c")]);
    await writer.drain();
    store.failing = false;
    writer.tasks([row("c")]);
    await writer.drain();
    expect(await store.task("c")).toMatchObject({ status: "WAITING" });
  });

  it("writes a full batch at once, without waiting for the timer", async () => {
    const store = new CountingStore((await open()).engine);
    const writer = new StoreWriter(store, { flushMs: 60_000, batchRows: 100 });
    writer.tasks(Array.from({ length: 150 }, (_, i) => row(`t${i}`)));
    for (let i = 0; i < 2_000 && store.committed === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(store.writes).toBe(1);
    expect((await store.summary()).tasks).toBe(150);
  });

  it("keeps readings through a failed write, says so, and writes them when the store is back", async () => {
    const store = new CountingStore((await open()).engine);
    const writer = new StoreWriter(store, { flushMs: 1, retryMs: 1 });
    store.failing = true;
    writer.tasks([row("a", { status: "FINISH", finishTime: T0, outcome: "failed", errorCode: "E", message: "m" })]);
    writer.syncMarks(7, { createdUpTo: 1, finishedSince: 1 });
    const before = Date.now();
    await writer.drain();
    expect(writer.ok).toBe(false);
    // Since when: the first failure of the outage, kept through the next failed attempt.
    const since = writer.failingSince;
    expect(since).toBeGreaterThanOrEqual(before);
    writer.tasks([row("c")]);
    await writer.drain();
    expect(writer.failingSince).toBe(since);
    writer.tasks([row("a", { status: "FINISH" }), row("b")]);
    writer.syncMarks(7, { createdUpTo: 2, finishedSince: 2 });
    store.failing = false;
    await writer.drain();
    expect(writer.ok).toBe(true);
    expect(writer.failingSince).toBeUndefined();
    expect(await store.task("a")).toMatchObject({ status: "FINISH", finishTime: T0, outcome: "failed", errorCode: "E" });
    expect(await store.syncMarks(7)).toEqual({ createdUpTo: 2, finishedSince: 2 });
    expect((await store.summary()).tasks).toBe(3);
  });

  it("holds at most maxPending readings while the store is away, dropping the oldest", async () => {
    const store = new CountingStore((await open()).engine);
    const writer = new StoreWriter(store, { flushMs: 1, retryMs: 60_000, maxPending: 10 });
    store.failing = true;
    writer.tasks(Array.from({ length: 25 }, (_, i) => row(`t${i}`)));
    await writer.drain();
    expect(writer.pendingCount).toBe(10);
    expect(writer.dropped).toBe(15);
    writer.stop();
  });

  it("holds readers past the high-water mark until a flush catches up", async () => {
    const store = new CountingStore((await open()).engine);
    const writer = new StoreWriter(store, { flushMs: 60_000, batchRows: 1_000_000, highWater: 100 });
    expect(writer.tasks(Array.from({ length: 50 }, (_, i) => row(`a${i}`)))).toBeUndefined();
    const held = writer.tasks(Array.from({ length: 100 }, (_, i) => row(`b${i}`)));
    expect(held).toBeInstanceOf(Promise);
    await writer.drain();
    await held;
    expect((await store.summary()).tasks).toBe(150);
  });
});
