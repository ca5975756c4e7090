import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { clearBoundary, emulatorCreateTimes } from "@/lib/testing/emulator-count";
import { eventually, getFrom, replicaInfo, startReplicaCluster, SUB_APP_ID, type ReplicaCluster } from "@/lib/testing/replica-cluster";
import type { ReplicaProcess } from "@/lib/testing/replica-process";
import type { FigureContext } from "../harness/figure";
import { median, percentile, round } from "../harness/numbers";
import { type FigureRow, row } from "../harness/report";
import { ROOT } from "../harness/processes";
import { clockSecondsTouched, nextWholeSecond, type simulateViewers, type ViewerRun } from "../harness/viewers";
import { POPULAR_VIEW } from "./upstream-economy";

const MAX_RPS = 90;
const FIGURE = "replicas";
const VIEWERS = 1_000;
const PERIOD_MS = 5_000;

interface Coverage {
  coverage: { tasksCounted: number; complete: boolean; syncedAt: string | null };
}

const coverage = async (replica: ReplicaProcess, query = "") => (await replica.get<Coverage>(`/api/stats?subAppId=${SUB_APP_ID}${query}`)).body.coverage;

async function theCollector(cluster: ReplicaCluster, live = cluster.replicas.filter((replica) => !replica.killed)): Promise<ReplicaProcess | undefined> {
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

interface UpstreamLine {
  at: number;
  action: string;
  for: string;
}

/** The upstream calls a replica logged from line `from` on (lib/vod/gateway.ts: one line per attempt). */
function upstreamLines(replica: ReplicaProcess, from: number): UpstreamLine[] {
  return replica.lines.slice(from).filter((line) => line.includes('"msg":"upstream call"')).map((line) => {
    const parsed = JSON.parse(line) as { time: string; action: string; for?: string };
    return { at: Date.parse(parsed.time), action: parsed.action, for: parsed.for ?? "?" };
  });
}

interface ViewerFigures {
  seconds: number;
  viewCalls: number;
  /** The collector's own DescribeTasks (its syncs) and the syncs seen. */
  syncCalls: number;
  syncs: number;
  /** The most upstream calls of any one clock second, all replicas together, and the mean. */
  peakPerSecond: number;
  meanPerSecond: number;
  list: ViewerRun;
}

/**
 * 1,000 viewers spread over the replicas (a third each), each polling the list's head
 * (POPULAR_VIEW, whose answer is one upstream call per clock second at best) every 5 s, as in the
 * upstream-economy figure; meanwhile the bench asks one follower for the mirror's statistics every
 * second, so the collector syncs as for watched mirrors (every 5 s). Calls are counted from the
 * replicas' logs, which say whom each was for: the collector's syncs (system) or not.
 */
async function viewers(cluster: ReplicaCluster, collector: ReplicaProcess, durationMs: number): Promise<ViewerFigures> {
  const marks = cluster.replicas.map((replica) => replica.lines.length);
  // Time for the viewers' process to start: a run that began before it would open with every viewer at once.
  const startAt = nextWholeSecond(5_000);
  const shares = cluster.replicas.map((_, i) => Math.floor(VIEWERS / cluster.replicas.length) + (i < VIEWERS % cluster.replicas.length ? 1 : 0));
  const syncedAt = new Set<string>();
  const follower = cluster.replicas.find((replica) => !replica.killed && replica !== collector)!;
  let watching = true;
  const watch = (async () => {
    while (watching) {
      const [{ syncedAt: at }] = await Promise.all([coverage(collector).catch(() => ({ syncedAt: null })), coverage(follower).catch(() => undefined)]);
      if (at && Date.now() >= startAt) syncedAt.add(at);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  })();
  // In a process of their own: this one runs the emulator.
  const groups: Parameters<typeof simulateViewers>[0][] = cluster.replicas.map((replica, i) =>
    ({ url: `${replica.url}${POPULAR_VIEW}&subAppId=${SUB_APP_ID}`, viewers: shares[i], periodMs: PERIOD_MS, startAt, durationMs }));
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", path.join(ROOT, "bench", "harness", "viewers-child.ts"), JSON.stringify(groups)],
    { cwd: ROOT, maxBuffer: 64 * 1024 * 1024, timeout: durationMs + 120_000 });
  const runs = JSON.parse(stdout) as ViewerRun[];
  watching = false;
  await watch;
  // The last log lines come a little after the last answers.
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const merge = (parts: ViewerRun[]): ViewerRun => ({
    requests: parts.reduce((n, run) => n + run.requests, 0),
    statuses: parts.reduce<Record<number, number>>((all, run) => {
      for (const [status, n] of Object.entries(run.statuses)) all[Number(status)] = (all[Number(status)] ?? 0) + n;
      return all;
    }, {}),
    latenciesMs: parts.flatMap((run) => run.latenciesMs),
    firstSentAt: Math.min(...parts.map((run) => run.firstSentAt)),
    lastAnsweredAt: Math.max(...parts.map((run) => run.lastAnsweredAt)),
  });
  const list = merge(runs);
  const from = list.firstSentAt;
  const to = list.lastAnsweredAt;
  const lines = cluster.replicas.map((replica, i) => upstreamLines(replica, marks[i]).filter((line) => line.at >= from && line.at <= to + 1_000));
  const all = lines.flat();
  const perSecond = new Map<number, number>();
  for (const line of all) perSecond.set(Math.floor(line.at / 1_000), (perSecond.get(Math.floor(line.at / 1_000)) ?? 0) + 1);
  const seconds = clockSecondsTouched(list);
  return {
    seconds, list,
    // The viewers' calls: not the syncs' (system), nor the outcome backfill's; the view's answer may also come
    // from the store's shared answers, read where no caller is attributed.
    viewCalls: all.filter((line) => line.action === "DescribeTasks" && line.for !== "system" && line.for !== "backfill").length,
    syncCalls: lines[cluster.replicas.indexOf(collector)].filter((line) => line.action === "DescribeTasks" && line.for === "system").length,
    syncs: syncedAt.size,
    peakPerSecond: Math.max(0, ...perSecond.values()),
    meanPerSecond: all.length / ((to - from) / 1_000),
  };
}

function describeRun(run: ViewerRun): string {
  const statuses = Object.entries(run.statuses).map(([s, n]) => `${s === "0" ? "no answer" : s}×${n}`).join(" ");
  return `${run.requests} requests (${statuses}), median ${round(median(run.latenciesMs), 1)} ms, p99 ${round(percentile(run.latenciesMs, 99), 1)} ms`;
}

/** Seconds from `stoppedAt` to the next complete sync by another replica than `old`. */
async function failover(cluster: ReplicaCluster, old: ReplicaProcess, stoppedAt: number): Promise<{ seconds: number; next: ReplicaProcess }> {
  const others = cluster.replicas.filter((replica) => !replica.killed && replica !== old);
  const next = await eventually(() => theCollector(cluster, others), 60_000, "a new collector");
  await eventually(async () => {
    const { complete, syncedAt } = await coverage(next);
    return complete && Date.parse(syncedAt ?? "") >= stoppedAt ? true : undefined;
  }, 60_000, "a complete sync by the new collector");
  return { seconds: (Date.now() - stoppedAt) / 1_000, next };
}

/** Tasks of the window (created up to 5 s before `at`) that some running replica does not count. */
async function tasksLost(cluster: ReplicaCluster, at: number): Promise<{ lost: number; truth: number }> {
  const times = await emulatorCreateTimes(cluster.emulator.url, SUB_APP_ID);
  const known = new Set(times);
  const [from, to] = [clearBoundary(known, at - 70 * 3_600_000, 1), clearBoundary(known, at - 5_000, -1)];
  const truth = times.filter((time) => time > from && time < to).length;
  const window = `&createdAfter=${new Date(from).toISOString()}&createdBefore=${new Date(to).toISOString()}`;
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  const counts = await Promise.all(cluster.replicas.filter((replica) => !replica.killed).map(async (replica) => (await coverage(replica, window)).tasksCounted));
  return { lost: Math.max(...counts.map((count) => Math.max(0, truth - count))), truth };
}

/**
 * Three replicas on one Postgres store and the emulator (lib/testing/replica-cluster.ts): the
 * shared budget under load; 1,000 viewers spread over the replicas; `SIGSTOP` of the collector, then
 * `kill -9` of the next one: seconds to the next complete sync by another replica, and tasks of the
 * window missing from the replicas afterwards.
 */
export async function measureReplicas(ctx: FigureContext): Promise<FigureRow[]> {
  const cluster = await startReplicaCluster(3, { VOD_MAX_RPS: String(MAX_RPS) });
  try {
    const collector = await eventually(() => theCollector(cluster), 15_000, "one collector");
    await eventually(async () => ((await coverage(collector)).complete ? true : undefined), 90_000, "the collector's fill");
    ctx.log("three replicas up, the window filled by the collector");

    const budget = await load(cluster, ctx.quick ? 10 : 30);
    ctx.log(`under load: ${round(budget.callsPerSecond, 1)} calls/s, peak ${budget.peak} in a second, ${budget.limitExceeded} RequestLimitExceeded`);

    const durationMs = ctx.quick ? 10_000 : 60_000;
    const current = await eventually(() => theCollector(cluster), 30_000, "one collector after the load");
    ctx.log(`${VIEWERS} viewers over three replicas for ${durationMs / 1_000} s`);
    const seen = await viewers(cluster, current, durationMs);
    const perView = seen.viewCalls / seen.seconds;
    const duplicates = seen.viewCalls - seen.seconds;
    const perSync = seen.syncCalls / Math.max(1, seen.syncs);
    ctx.log(`viewers: ${seen.viewCalls} view calls over ${seen.seconds} s, ${seen.syncCalls} sync calls over ${seen.syncs} syncs, peak ${seen.peakPerSecond}/s`);

    const stoppedAt = Date.now();
    process.kill(current.pid, "SIGSTOP");
    let frozen: Awaited<ReturnType<typeof failover>>;
    try {
      frozen = await failover(cluster, current, stoppedAt);
    } finally {
      process.kill(current.pid, "SIGCONT");
    }
    ctx.log(`SIGSTOP of the collector: the next complete sync ${round(frozen.seconds, 1)} s later`);
    const frozenLoss = await tasksLost(cluster, stoppedAt);
    // The woken replica is a follower again before the next one is killed.
    await eventually(async () => ((await replicaInfo(current)).role === "follower" ? true : undefined), 30_000, "the frozen collector a follower");

    const killedAt = Date.now();
    await frozen.next.kill("SIGKILL");
    const killed = await failover(cluster, frozen.next, killedAt);
    ctx.log(`kill -9 of the collector: the next complete sync ${round(killed.seconds, 1)} s later`);
    const { lost, truth } = await tasksLost(cluster, killedAt);
    const failoverS = killed.seconds;
    return [
      row(FIGURE, `${VIEWERS} viewers over three replicas: upstream calls per view per second`, round(perView, 2), "", { op: "<=", limit: 1.5 },
        `${seen.viewCalls} DescribeTasks for the viewers over the ${seen.seconds} clock seconds touched by a ${durationMs / 1_000}-s run (one replica: 1.00); `
        + `${describeRun(seen.list)}`),
      row(FIGURE, `${VIEWERS} viewers: duplicate upstream calls for one view and clock second, all replicas`, round(Math.max(0, duplicates) / seen.seconds, 2), "per s", { op: "<=", limit: 0.5 },
        `${Math.max(0, duplicates)} of ${seen.viewCalls} view calls (${round((100 * Math.max(0, duplicates)) / Math.max(1, seen.viewCalls), 1)} %) beyond one per second`),
      row(FIGURE, `${VIEWERS} viewers: peak upstream calls in one clock second, all replicas, VOD_MAX_RPS=${MAX_RPS}`, seen.peakPerSecond, "calls", { op: "<=", limit: MAX_RPS },
        `${round(seen.meanPerSecond, 1)} calls/s on average (views, syncs, outcome lookups), from the replicas' logs`),
      row(FIGURE, `${VIEWERS} viewers: mirror upkeep, the collector's calls per refresh`, round(perSync, 1), "calls", { op: "<=", limit: 5 },
        `${seen.syncCalls} DescribeTasks over ${seen.syncs} syncs seen on the collector`),
      row(FIGURE, "SIGSTOP of the collector to the next complete sync by another replica", round(frozen.seconds, 1), "s", { op: "<=", limit: 15 },
        `${frozenLoss.lost} of ${frozenLoss.truth} tasks missing afterwards`),
      row(FIGURE, `peak upstream calls in any second, three replicas under load, VOD_MAX_RPS=${MAX_RPS}`, budget.peak, "calls", { op: "<=", limit: MAX_RPS },
        `${round(budget.callsPerSecond, 1)} calls/s on average`),
      row(FIGURE, "RequestLimitExceeded at the emulator under that load", budget.limitExceeded, "", { op: "<=", limit: 0 }),
      row(FIGURE, "kill -9 of the collector to the next complete sync by another replica", round(failoverS, 1), "s", { op: "<=", limit: 15 }),
      row(FIGURE, "tasks of the window missing from a replica after the SIGSTOP failover", frozenLoss.lost, "", { op: "<=", limit: 0 }, `${frozenLoss.truth} tasks at the emulator`),
      row(FIGURE, "tasks of the window missing from a replica after the failover", lost, "", { op: "<=", limit: 0 }, `${truth} tasks at the emulator`),
    ];
  } finally {
    await cluster.stop();
  }
}
