import pg from "pg";
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

async function theCollector(cluster: ReplicaCluster, among = live(cluster)): Promise<ReplicaProcess | undefined> {
  const infos = await Promise.all(among.map(replicaInfo));
  const collectors = infos.filter((info) => info.role === "collector");
  // Exactly one, and every replica names it.
  if (collectors.length !== 1 || infos.some((info) => info.collector !== collectors[0].id)) return undefined;
  return among[infos.indexOf(collectors[0])];
}

/** The emulator's tasks created from 70 h to 5 s before `at`, and the stats query that counts them. */
async function truthBefore(cluster: ReplicaCluster, at: number): Promise<{ truth: number; window: string }> {
  const times = await emulatorCreateTimes(cluster.emulator.url, SUB_APP_ID);
  const known = new Set(times);
  const [from, to] = [clearBoundary(known, at - 70 * 3_600_000, 1), clearBoundary(known, at - 5_000, -1)];
  return { truth: times.filter((time) => time > from && time < to).length,
    window: `&createdAfter=${new Date(from).toISOString()}&createdBefore=${new Date(to).toISOString()}` };
}

/** The store's sync marks of the app, read every 100 ms until stopped. */
function watchSyncMarks(databaseUrl: string) {
  const seen: { at: number; createdUpTo: number; finishedSince: number }[] = [];
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on("error", () => undefined);
  let stopped = false;
  const running = (async () => {
    await client.connect();
    while (!stopped) {
      const { rows } = await client.query<{ created_up_to: string; finished_since: string }>(
        "SELECT created_up_to, finished_since FROM vod_sync_marks WHERE sub_app_id = $1", [SUB_APP_ID]);
      const [row] = rows;
      const last = seen.at(-1);
      if (row && (!last || last.createdUpTo !== Number(row.created_up_to) || last.finishedSince !== Number(row.finished_since))) {
        seen.push({ at: Date.now(), createdUpTo: Number(row.created_up_to), finishedSince: Number(row.finished_since) });
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })().finally(() => client.end().catch(() => undefined));
  return { seen, stop: async () => { stopped = true; await running; } };
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

  it("survives a frozen collector (SIGSTOP): another takes over within 15 s from the store's marks, and the old one wakes up a follower", async () => {
    const collector = await eventually(() => theCollector(cluster), 15_000, "one collector");
    const others = live(cluster).filter((replica) => replica !== collector);
    const marks = watchSyncMarks(cluster.databaseUrl);
    try {
      await frozenCollector(collector, others, marks);
    } finally {
      await marks.stop().catch(() => undefined);
    }
  }, 120_000);

  async function frozenCollector(collector: ReplicaProcess, others: ReplicaProcess[], marks: ReturnType<typeof watchSyncMarks>) {
    // A follower calls upstream only for viewers (none here): its DescribeTasks from now on are its syncs once it collects.
    const linesAtStop = new Map(others.map((replica) => [replica, replica.lines.length]));
    const stoppedAt = Date.now();
    process.kill(collector.pid, "SIGSTOP");
    let next: ReplicaProcess;
    let takeoverMs: number;
    let tookOverAt: number;
    try {
      // The frozen process's connections stay open (its kernel still answers TCP): only the server's timeout frees its lease.
      next = await eventually(() => theCollector(cluster, others), 15_000, "a new collector while the old one is frozen");
      takeoverMs = Date.now() - stoppedAt;
      tookOverAt = Date.now();
      await eventually(async () => {
        const { coverage } = await stats(next);
        return coverage.complete && Date.parse(coverage.syncedAt ?? "") >= tookOverAt - 2_000 ? true : undefined;
      }, 20_000, "a complete sync by the new collector");
      const syncedMs = Date.now() - stoppedAt;
      // From the store's marks: a sync's few pages, not a fill of the window's ~21,000 tasks (its log lines come a little later).
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const calls = next.lines.slice(linesAtStop.get(next)).filter((line) => line.includes('"msg":"upstream call"') && line.includes('"action":"DescribeTasks"')).length;
      console.log(`SIGSTOP of the collector: new collector in ${takeoverMs} ms, its first complete sync ${syncedMs} ms after the stop (${calls} DescribeTasks)`);
      expect(calls).toBeGreaterThan(0);
      expect(calls).toBeLessThan(40);

      // Every task created up to a little before the stop is counted once by the replicas still running.
      const { truth, window } = await truthBefore(cluster, stoppedAt);
      let counts: number[] = [];
      await eventually(async () => {
        counts = await Promise.all(others.map(async (replica) => (await stats(replica, window)).coverage.tasksCounted));
        return counts.every((count) => count === truth) ? counts : undefined;
      }, 10_000, `the running replicas counting the emulator's ${truth} tasks`).catch((error: unknown) => {
        throw new Error(`${String(error)}: ${JSON.stringify(counts)}`);
      });
    } finally {
      process.kill(collector.pid, "SIGCONT");
    }
    const continuedAt = Date.now();
    // Awake, it is a follower at once, names the new collector, and catches up from the store.
    const old = await eventually(async () => {
      const info = await replicaInfo(collector);
      return info.role === "follower" && info.collector !== null ? info : undefined;
    }, 10_000, "the old collector a follower");
    expect(old.collector).toBe((await replicaInfo(next)).id);
    expect(await theCollector(cluster)).toBe(next);
    expect(collector.lines.join("\n")).toMatch(/replica is no longer the collector/);
    const { truth, window } = await truthBefore(cluster, continuedAt);
    await eventually(async () => ((await stats(collector, window)).coverage.tasksCounted === truth ? true : undefined), 10_000,
      `the old collector counting the emulator's ${truth} tasks`);
    // A few of the new collector's syncs later (a viewer looks, so it syncs every 5 s), the store's marks have
    // only moved forward since it took over.
    for (const until = Date.now() + 7_000; Date.now() < until;) {
      await stats(next);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(await theCollector(cluster)).toBe(next);
    await marks.stop();
    const since = marks.seen.findIndex((mark) => mark.at >= tookOverAt);
    expect(since).toBeGreaterThanOrEqual(0);
    const after = marks.seen.slice(since);
    for (let i = 1; i < after.length; i++) {
      expect(after[i].finishedSince, JSON.stringify(after)).toBeGreaterThanOrEqual(after[i - 1].finishedSince);
      expect(after[i].createdUpTo, JSON.stringify(after)).toBeGreaterThanOrEqual(after[i - 1].createdUpTo);
    }
    expect(after.at(-1)!.at).toBeGreaterThan(continuedAt);
  }

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
