import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postgresBin } from "@/lib/testing/postgres-server";
import { eventually, getFrom, replicaInfo, startReplicaCluster, SUB_APP_ID, type ReplicaCluster } from "@/lib/testing/replica-cluster";
import type { ReplicaProcess } from "@/lib/testing/replica-process";
import { clearBoundary, emulatorCreateTimes } from "@/lib/testing/emulator-count";

// Three dashboard processes on one Postgres store and one emulator: one collects, the others
// follow the store; together they spend one VOD_MAX_RPS; the collector's death is survived.

const MAX_RPS = 90;

interface StatsBody {
  byStatus: Record<string, number>;
  coverage: { tasksCounted: number; complete: boolean; syncedAt: string | null };
}

const stats = async (replica: ReplicaProcess, query = "") =>
  (await replica.get<StatsBody>(`/api/stats?subAppId=${SUB_APP_ID}${query}`)).body;

const live = (cluster: ReplicaCluster) => cluster.replicas.filter((replica) => !replica.killed);

async function theCollector(cluster: ReplicaCluster): Promise<ReplicaProcess | undefined> {
  const infos = await Promise.all(live(cluster).map(replicaInfo));
  const collectors = infos.filter((info) => info.role === "collector");
  // Exactly one, and every replica names it.
  if (collectors.length !== 1 || infos.some((info) => info.collector !== collectors[0].id)) return undefined;
  return live(cluster)[infos.indexOf(collectors[0])];
}

describe.skipIf(!postgresBin())("several replicas on one Postgres store", () => {
  let cluster: ReplicaCluster;

  beforeAll(async () => {
    cluster = await startReplicaCluster(3, { VOD_MAX_RPS: String(MAX_RPS) });
  }, 90_000);

  afterAll(async () => {
    await cluster?.stop();
  });

  it("has exactly one collector, named by every replica, and the followers' counts equal its own within 5 s", async () => {
    const collector = await eventually(() => theCollector(cluster), 15_000, "one collector");
    // The collector fills the window; the followers read it from the store.
    await eventually(async () => ((await stats(collector)).coverage.complete ? true : undefined), 60_000, "the collector's fill");
    const started = Date.now();
    let last: StatsBody[] = [];
    const equal = await eventually(async () => {
      const all = (last = await Promise.all(cluster.replicas.map((replica) => stats(replica, "&createdAfter=now-71h"))));
      const same = all.every((one) => JSON.stringify([one.byStatus, one.coverage.tasksCounted]) === JSON.stringify([all[0].byStatus, all[0].coverage.tasksCounted]));
      return same ? all : undefined;
    }, 5_000, "equal counts on every replica", 100).catch((error: unknown) => {
      const logs = cluster.replicas.map((replica) => replica.lines.filter((line) => !/"msg":"(upstream call|request)"/.test(line)).join("\n"));
      throw new Error(`${String(error)}: ${JSON.stringify(last.map((one) => [one.byStatus, one.coverage]))}\n${logs.join("\n---\n")}`);
    });
    console.log(`counts equal on three replicas ${Date.now() - started} ms after the collector's fill was seen complete (${equal[0].coverage.tasksCounted} tasks)`);
    expect(equal[0].coverage.tasksCounted).toBeGreaterThan(1_000);

    // From then on, each sync of the collector shows on every follower within 5 s of showing on the collector.
    const seenOnCollector = new Map<number, number>();
    const lags: number[] = [];
    const pending = new Map<number, Set<number>>();
    const followers = cluster.replicas.filter((replica) => replica !== collector);
    const until = Date.now() + 16_000;
    while (Date.now() < until) {
      const [mine, ...theirs] = await Promise.all([collector, ...followers].map(async (replica) => Date.parse((await stats(replica)).coverage.syncedAt ?? "")));
      const now = Date.now();
      if (!seenOnCollector.has(mine)) {
        seenOnCollector.set(mine, now);
        pending.set(mine, new Set(followers.map((_, i) => i)));
      }
      for (const [syncedAt, waiting] of pending) {
        for (const i of waiting) if (theirs[i] >= syncedAt) {
          waiting.delete(i);
          lags.push(now - seenOnCollector.get(syncedAt)!);
        }
        if (waiting.size === 0) pending.delete(syncedAt);
        else expect(now - seenOnCollector.get(syncedAt)!).toBeLessThanOrEqual(5_000);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    console.log(`${seenOnCollector.size} syncs of the collector: shown on the followers ${Math.min(...lags)} to ${Math.max(...lags)} ms after on the collector`);
    expect(seenOnCollector.size).toBeGreaterThanOrEqual(2);
  }, 90_000);

  it("answers a view another replica has just read from that replica's answer, without an upstream call", async () => {
    const collector = await eventually(() => theCollector(cluster), 15_000, "one collector");
    const [first, second] = cluster.replicas.filter((replica) => replica !== collector);
    // Followers call upstream only for their viewers: every upstream call they log is one of these requests.
    const upstreamCalls = (replica: ReplicaProcess) => replica.lines.filter((line) => line.includes('"msg":"upstream call"')).length;
    const view = `/api/tasks?subAppId=${SUB_APP_ID}&status=FINISH&limit=20`;
    const before = [upstreamCalls(first), upstreamCalls(second)];
    const one = await first.get<{ tasks: { taskId: string }[] }>(view);
    await new Promise((resolve) => setTimeout(resolve, 150));
    const other = await second.get<{ tasks: { taskId: string }[] }>(view);
    expect(other.body.tasks.map((task) => task.taskId)).toEqual(one.body.tasks.map((task) => task.taskId));
    expect(upstreamCalls(first) - before[0]).toBe(1);
    expect(upstreamCalls(second) - before[1]).toBe(0);
  }, 30_000);

  it(`spends at most VOD_MAX_RPS=${MAX_RPS} upstream, all replicas together, with no RequestLimitExceeded`, async () => {
    const before = await cluster.emulatorStats();
    const started = Date.now();
    const answers: Record<number, number> = {};
    // Every replica gets two clients asking distinct views (no shared answers) as fast as answered:
    // each replica alone would spend its whole VOD_MAX_RPS.
    const clients = cluster.replicas.flatMap((replica) => ["127.0.0.2", "127.0.0.3"].map((from) => async () => {
      let n = 0;
      while (Date.now() - started < 15_000) {
        const status = await getFrom(`${replica.url}/api/tasks?subAppId=${SUB_APP_ID}&fileId=budget-${from}-${n++}`, from);
        answers[status] = (answers[status] ?? 0) + 1;
      }
    }));
    await Promise.all(clients.flatMap((client) => [client(), client(), client(), client()]));
    const after = await cluster.emulatorStats();
    const calls = Object.values(after.requests).reduce((a, b) => a + b, 0) - Object.values(before.requests).reduce((a, b) => a + b, 0);
    const seconds = (Date.now() - started) / 1_000;
    console.log(`under load: ${(calls / seconds).toFixed(1)} upstream calls/s on average, peak ${after.peakPerSecond} in any second; answers ${JSON.stringify(answers)}`);
    expect(after.errors.RequestLimitExceeded ?? 0).toBe(0);
    expect(after.peakPerSecond).toBeLessThanOrEqual(MAX_RPS);
    expect(answers[200]).toBeGreaterThan(0);
  }, 60_000);

  it("survives kill -9 of the collector: another takes over within 15 s and no task is lost", async () => {
    const collector = await eventually(() => theCollector(cluster), 15_000, "one collector");
    const killedAt = Date.now();
    await collector.kill("SIGKILL");
    const next = await eventually(() => theCollector(cluster), 15_000, "a new collector");
    const takeoverMs = Date.now() - killedAt;
    expect(next).not.toBe(collector);
    // The new collector's next complete sync, from the store's marks.
    await eventually(async () => {
      const { coverage } = await stats(next);
      return coverage.complete && Date.parse(coverage.syncedAt ?? "") >= killedAt ? true : undefined;
    }, 15_000 - takeoverMs, "a complete sync by the new collector");
    const syncedMs = Date.now() - killedAt;
    console.log(`kill -9 of the collector: new collector in ${takeoverMs} ms, its first complete sync ${syncedMs} ms after the kill`);

    // Every task created up to a little before the kill is in every replica's view, once.
    const times = await emulatorCreateTimes(cluster.emulator.url, SUB_APP_ID);
    const known = new Set(times);
    const [from, to] = [clearBoundary(known, killedAt - 70 * 3_600_000, 1), clearBoundary(known, killedAt - 5_000, -1)];
    const truth = times.filter((at) => at > from && at < to).length;
    const window = `&createdAfter=${new Date(from).toISOString()}&createdBefore=${new Date(to).toISOString()}`;
    let counts: number[] = [];
    await eventually(async () => {
      counts = await Promise.all(live(cluster).map(async (replica) => (await stats(replica, window)).coverage.tasksCounted));
      return counts.every((count) => count === truth) ? counts : undefined;
    }, 10_000, `every replica counting the emulator's ${truth} tasks`).catch((error: unknown) => {
      throw new Error(`${String(error)}: ${JSON.stringify(counts)}`);
    });
  }, 90_000);

  it("rides out a Postgres restart: degraded meanwhile, memory still answers, history is a 503, then all recovers by itself", async () => {
    cluster.postgres.pause();
    try {
      await eventually(async () => {
        const infos = await Promise.all(live(cluster).map(replicaInfo));
        return infos.every((info) => info.status === "degraded" && !info.storeOk) ? infos : undefined;
      }, 20_000, "every replica degraded");
      for (const replica of live(cluster)) {
        // What memory holds is still answered; what only the store holds is a 503 with Retry-After.
        expect((await replica.get(`/api/stats?subAppId=${SUB_APP_ID}`)).status).toBe(200);
        const history = await replica.get<{ error: { code: string } }>(`/api/tasks?subAppId=${SUB_APP_ID}&createdAfter=now-7d&createdBefore=now-4d`);
        expect(history.status).toBe(503);
        expect(history.body.error.code).toBe("StoreUnavailable");
        expect(Number(history.headers.get("retry-after"))).toBeGreaterThan(0);
      }
    } finally {
      cluster.postgres.resume();
    }
    const resumedAt = Date.now();
    await eventually(async () => {
      const infos = await Promise.all(live(cluster).map(replicaInfo));
      return infos.every((info) => info.status === "ok" && info.storeOk) ? infos : undefined;
    }, 30_000, "every replica ok again");
    const collector = await eventually(() => theCollector(cluster), 15_000, "one collector again");
    await eventually(async () => {
      const { coverage } = await stats(collector);
      return coverage.complete && Date.parse(coverage.syncedAt ?? "") >= resumedAt ? true : undefined;
    }, 15_000, "a complete sync after the restart");
    console.log(`Postgres back: every replica ok, one collector and a complete sync ${Date.now() - resumedAt} ms later`);
    for (const replica of live(cluster)) expect(replica.lines.join("\n")).not.toMatch(/unhandled|uncaught/i);
  }, 90_000);
});
