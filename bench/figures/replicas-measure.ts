import { clearBoundary, emulatorCreateTimes } from "@/lib/testing/emulator-count";
import { eventually, getFrom, replicaInfo, startReplicaCluster, SUB_APP_ID, type ReplicaCluster } from "@/lib/testing/replica-cluster";
import type { ReplicaProcess } from "@/lib/testing/replica-process";
import type { FigureContext } from "../harness/figure";
import { round } from "../harness/numbers";
import { type FigureRow, row } from "../harness/report";

const MAX_RPS = 90;
const FIGURE = "replicas";

interface Coverage {
  coverage: { tasksCounted: number; complete: boolean; syncedAt: string | null };
}

const coverage = async (replica: ReplicaProcess, query = "") => (await replica.get<Coverage>(`/api/stats?subAppId=${SUB_APP_ID}${query}`)).body.coverage;

async function theCollector(cluster: ReplicaCluster): Promise<ReplicaProcess | undefined> {
  const live = cluster.replicas.filter((replica) => !replica.killed);
  const infos = await Promise.all(live.map(replicaInfo));
  const collectors = infos.filter((info) => info.role === "collector");
  if (collectors.length !== 1 || infos.some((info) => info.collector !== collectors[0].id)) return undefined;
  return live[infos.indexOf(collectors[0])];
}

/** Two clients per replica asking distinct views as fast as they are answered, for `seconds`. */
async function load(cluster: ReplicaCluster, seconds: number): Promise<{ callsPerSecond: number; peak: number; limitExceeded: number }> {
  const before = await cluster.emulatorStats();
  const started = Date.now();
  const client = (replica: ReplicaProcess, from: string) => async () => {
    for (let n = 0; Date.now() - started < seconds * 1_000; n++) await getFrom(`${replica.url}/api/tasks?subAppId=${SUB_APP_ID}&fileId=bench-${from}-${n}`, from);
  };
  await Promise.all(cluster.replicas.flatMap((replica) => ["127.0.0.2", "127.0.0.3"].flatMap((from) => [1, 2, 3, 4].map(() => client(replica, from)()))));
  const after = await cluster.emulatorStats();
  const total = (stats: typeof before) => Object.values(stats.requests).reduce((a, b) => a + b, 0);
  return { callsPerSecond: (total(after) - total(before)) / ((Date.now() - started) / 1_000), peak: after.peakPerSecond,
    limitExceeded: (after.errors.RequestLimitExceeded ?? 0) - (before.errors.RequestLimitExceeded ?? 0) };
}

/**
 * Three replicas on one Postgres store and the emulator (lib/testing/replica-cluster.ts): the
 * shared budget under load, then `kill -9` of the collector: seconds to the next complete sync by
 * another replica, and tasks of the window missing from the replicas afterwards.
 */
export async function measureReplicas(ctx: FigureContext): Promise<FigureRow[]> {
  const cluster = await startReplicaCluster(3, { VOD_MAX_RPS: String(MAX_RPS) });
  try {
    const collector = await eventually(() => theCollector(cluster), 15_000, "one collector");
    await eventually(async () => ((await coverage(collector)).complete ? true : undefined), 90_000, "the collector's fill");
    ctx.log("three replicas up, the window filled by the collector");

    const budget = await load(cluster, ctx.quick ? 10 : 30);
    ctx.log(`under load: ${round(budget.callsPerSecond, 1)} calls/s, peak ${budget.peak} in a second, ${budget.limitExceeded} RequestLimitExceeded`);

    const killedAt = Date.now();
    await collector.kill("SIGKILL");
    const next = await eventually(() => theCollector(cluster), 30_000, "a new collector");
    await eventually(async () => {
      const { complete, syncedAt } = await coverage(next);
      return complete && Date.parse(syncedAt ?? "") >= killedAt ? true : undefined;
    }, 60_000, "a complete sync by the new collector");
    const failoverS = (Date.now() - killedAt) / 1_000;
    ctx.log(`kill -9 of the collector: the next complete sync ${round(failoverS, 1)} s later`);

    const times = await emulatorCreateTimes(cluster.emulator.url, SUB_APP_ID);
    const known = new Set(times);
    const [from, to] = [clearBoundary(known, killedAt - 70 * 3_600_000, 1), clearBoundary(known, killedAt - 5_000, -1)];
    const truth = times.filter((at) => at > from && at < to).length;
    const window = `&createdAfter=${new Date(from).toISOString()}&createdBefore=${new Date(to).toISOString()}`;
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const counts = await Promise.all(cluster.replicas.filter((replica) => !replica.killed).map(async (replica) => (await coverage(replica, window)).tasksCounted));
    const lost = Math.max(...counts.map((count) => Math.max(0, truth - count)));
    return [
      row(FIGURE, `peak upstream calls in any second, three replicas under load, VOD_MAX_RPS=${MAX_RPS}`, budget.peak, "calls", { op: "<=", limit: MAX_RPS },
        `${round(budget.callsPerSecond, 1)} calls/s on average`),
      row(FIGURE, "RequestLimitExceeded at the emulator under that load", budget.limitExceeded, "", { op: "<=", limit: 0 }),
      row(FIGURE, "kill -9 of the collector to the next complete sync by another replica", round(failoverS, 1), "s", { op: "<=", limit: 15 }),
      row(FIGURE, "tasks of the window missing from a replica after the failover", lost, "", { op: "<=", limit: 0 }, `${truth} tasks at the emulator`),
    ];
  } finally {
    await cluster.stop();
  }
}
