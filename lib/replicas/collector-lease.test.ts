import { describe, expect, it } from "vitest";
import { postgresBin } from "@/lib/testing/postgres-server";
import { useStoreEngine } from "@/lib/testing/store-engines";
import { StoreWriter } from "@/lib/store/store-writer";
import { CollectorLease, type ReplicaRole } from "./collector-lease";

const until = async (check: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("not in time");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
};

describe.skipIf(!postgresBin())("the collector's lease", () => {
  const { open, fresh } = useStoreEngine("postgres");

  it("goes to one replica at a time, is named to the others, and passes on when its holder goes", async () => {
    const location = await fresh();
    await open(location);
    if (location.engine !== "postgres") throw new Error("a Postgres store is needed");
    const roles: Record<string, ReplicaRole[]> = { a: [], b: [], c: [] };
    const leases = Object.keys(roles).map((id) => new CollectorLease({ url: location.url, id, retryMs: 200, onRole: (role) => roles[id].push(role) }));
    try {
      for (const lease of leases) lease.start();
      await until(() => leases.every((lease) => lease.collector !== null), 5_000);
      const holders = leases.filter((lease) => lease.role === "collector");
      expect(holders).toHaveLength(1);
      const [first] = holders;
      expect(leases.map((lease) => lease.collector)).toEqual(leases.map(() => first.collector));

      await first.stop();
      const rest = leases.filter((lease) => lease !== first);
      await until(() => rest.some((lease) => lease.role === "collector") && rest.every((lease) => lease.collector !== null && lease.collector !== first.collector), 5_000);
      const [next] = rest.filter((lease) => lease.role === "collector");
      expect(rest.filter((lease) => lease.role === "collector")).toHaveLength(1);
      expect(roles[next.collector!]).toEqual(["collector"]);
    } finally {
      await Promise.all(leases.map((lease) => lease.stop()));
    }
  });

  it("does not take the lease while its replica may not collect, and gives it up when it no longer may", async () => {
    const location = await fresh();
    await open(location);
    if (location.engine !== "postgres") throw new Error("a Postgres store is needed");
    let may = false;
    const lease = new CollectorLease({ url: location.url, id: "a", retryMs: 100, mayCollect: () => may });
    try {
      lease.start();
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(lease.role).toBe("follower");
      may = true;
      await until(() => lease.role === "collector", 3_000);
      may = false;
      await until(() => lease.role === "follower", 3_000);
    } finally {
      await lease.stop();
    }
  });

  it("is lost by a holder that goes silent (frozen): the server ends its session, another takes over, and its marks are fenced out", async () => {
    const location = await fresh();
    const store = await open(location);
    if (location.engine !== "postgres") throw new Error("a Postgres store is needed");
    const APP = 1500000001;
    const roles: ReplicaRole[] = [];
    const a = new CollectorLease({ url: location.url, id: "a", retryMs: 200, sessionTimeoutMs: 2_000, onRole: (role) => roles.push(role) });
    const b = new CollectorLease({ url: location.url, id: "b", retryMs: 200 });
    try {
      a.start();
      await until(() => a.role === "collector" && a.collector === "a", 5_000);
      b.start();
      await until(() => b.collector === "a", 5_000);
      const termA = a.term()!;
      expect(termA.holder).toBe("a");
      await store.write([], new Map([[APP, { createdUpTo: 1_000, finishedSince: 1_000, term: termA }]]));
      expect(await store.syncMarks(APP)).toEqual({ createdUpTo: 1_000, finishedSince: 1_000 });

      // Marks of a's sync wait in its write-behind queue when its thread stops for longer than its session may idle.
      const writer = new StoreWriter(store, { flushMs: 10_000 });
      writer.syncMarks(APP, { createdUpTo: 2_000, finishedSince: 2_000, term: termA });
      const frozenUntil = Date.now() + 2_600;
      while (Date.now() < frozenUntil) {
        // frozen: no timer, no I/O
      }
      // Awake, before any I/O: a counts itself a follower at once.
      expect(a.role).toBe("follower");
      expect(a.term()).toBeUndefined();
      await until(() => b.role === "collector" && a.collector === "b", 5_000);
      expect(roles).toEqual(["collector", "follower"]);

      // What a had queued under its term is not written over the marks of b's term.
      await store.write([], new Map([[APP, { createdUpTo: 3_000, finishedSince: 3_000, term: b.term()! }]]));
      await writer.drain();
      expect(writer.ok).toBe(true);
      expect(await store.syncMarks(APP)).toEqual({ createdUpTo: 3_000, finishedSince: 3_000 });
      // Nor anything else written under a's term; b's own marks go on being written.
      await store.write([], new Map([[APP, { createdUpTo: 4_000, finishedSince: 4_000, term: termA }]]));
      expect(await store.syncMarks(APP)).toEqual({ createdUpTo: 3_000, finishedSince: 3_000 });
      await store.write([], new Map([[APP, { createdUpTo: 5_000, finishedSince: 5_000, term: b.term()! }]]));
      expect(await store.syncMarks(APP)).toEqual({ createdUpTo: 5_000, finishedSince: 5_000 });
      writer.stop();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});
