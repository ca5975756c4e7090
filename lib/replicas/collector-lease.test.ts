import { describe, expect, it } from "vitest";
import { postgresBin } from "@/lib/testing/postgres-server";
import { useStoreEngine } from "@/lib/testing/store-engines";
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
});
