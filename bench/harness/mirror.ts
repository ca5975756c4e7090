import { callsBetween, type EmulatorProcess, SUBAPP_ID } from "./emulator";
import { sleep } from "./processes";
import type { DashboardServer } from "./server";

export interface Coverage {
  complete: boolean;
  tasksCounted: number;
  syncedAt: string | null;
  reason?: string;
}

export async function coverage(server: DashboardServer): Promise<Coverage> {
  const response = await fetch(`${server.url}/api/stats?subAppId=${SUBAPP_ID}`);
  if (!response.ok) throw new Error(`/api/stats answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return ((await response.json()) as { coverage: Coverage }).coverage;
}

export interface FillResult {
  tasks: number;
  seconds: number;
  /** tasks ÷ 100 per page ÷ VOD_MAX_RPS */
  floorSeconds: number;
  describeTasks: number;
  limitExceeded: number;
  rssBytes: number | undefined;
  /** The server's RSS before the fill began. */
  rssBeforeBytes: number | undefined;
}

/**
 * Starts the mirror's fill with the first /api/stats and polls until its coverage is complete.
 * The server must be fresh (nothing asked /api/stats before). Null when the server has no /api/stats.
 */
export async function measureFill(server: DashboardServer, emulator: EmulatorProcess, expectedTasks: number, maxRps: number, log: (line: string) => void,
  /** How long before giving up; three times the floor (at least a minute) when absent. */
  timeoutMs = Math.max(60_000, (expectedTasks / 100 / maxRps) * 3_000)): Promise<FillResult | null> {
  const rssBeforeBytes = server.rss();
  const before = await emulator.stats();
  const started = performance.now();
  const first = await fetch(`${server.url}/api/stats?subAppId=${SUBAPP_ID}`);
  if (first.status === 404) return null;
  await first.arrayBuffer();
  let last = await coverage(server);
  let lastLog = started;
  while (!last.complete) {
    if (performance.now() - started > timeoutMs) {
      throw new Error(`the mirror did not fill in time: ${last.reason ?? "incomplete"}`);
    }
    await sleep(200);
    last = await coverage(server);
    if (performance.now() - lastLog > 15_000) {
      lastLog = performance.now();
      log(`filling: ${last.reason ?? ""}`);
    }
  }
  const seconds = (performance.now() - started) / 1_000;
  const calls = callsBetween(before, await emulator.stats());
  return {
    tasks: last.tasksCounted,
    seconds,
    floorSeconds: last.tasksCounted / 100 / maxRps,
    describeTasks: calls.describeTasks,
    limitExceeded: calls.limitExceeded,
    rssBytes: server.rss(),
    rssBeforeBytes,
  };
}

export interface UpkeepResult {
  /** DescribeTasks calls of each steady-state refresh. */
  perRefresh: number[];
  detailCalls: number;
  seconds: number;
}

/**
 * Keeps looking at /api/stats (so the mirror's timer keeps syncing) and counts the upstream calls
 * between consecutive syncs, seen as changes of coverage.syncedAt. The first `skip` are left out.
 */
export async function measureUpkeep(server: DashboardServer, emulator: EmulatorProcess, refreshes: number, skip = 2): Promise<UpkeepResult> {
  const perRefresh: number[] = [];
  let syncedAt = (await coverage(server)).syncedAt;
  let mark = await emulator.stats();
  let first: typeof mark | undefined;
  const started = performance.now();
  let seen = 0;
  while (perRefresh.length < refreshes) {
    if (performance.now() - started > (refreshes + skip + 4) * 15_000) throw new Error(`only ${perRefresh.length} refreshes seen`);
    await sleep(250);
    const now = await coverage(server);
    if (now.syncedAt === syncedAt) continue;
    syncedAt = now.syncedAt;
    const stats = await emulator.stats();
    seen++;
    if (seen > skip) {
      first ??= mark;
      perRefresh.push(stats.requests.DescribeTasks - mark.requests.DescribeTasks);
    }
    mark = stats;
  }
  const seconds = (performance.now() - started) / 1_000;
  return { perRefresh, detailCalls: mark.requests.DescribeTaskDetail - (first ?? mark).requests.DescribeTaskDetail, seconds };
}
