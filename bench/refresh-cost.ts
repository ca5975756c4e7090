/**
 * What refreshing screens cost the upstream: N screens refresh for a minute each, and the
 * emulator's request counters say how many DescribeTasks and DescribeTaskDetail calls the
 * dashboard made meanwhile.
 *
 * A `dashboard` screen refreshes as `/` does: the head of its view (GET /api/tasks), the live
 * rows it holds (GET /api/tasks/updates for the head's unfinished tasks) and the charts (GET
 * /api/stats). An `oncall` screen polls GET /api/oncall. Screens share the server's answers and
 * mirrors, so many cost about what one does.
 *
 *   npx tsx bench/refresh-cost.ts [--page dashboard|oncall] [--base http://127.0.0.1:3000]
 *     [--emulator http://127.0.0.1:4510] [--seconds 60] [--interval 5] [--screens 1,50] [--query "..."]
 *
 * Needs a running dashboard in emulator mode (npm start); it has no dependency beyond fetch.
 */
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://127.0.0.1:3000" },
    emulator: { type: "string", default: "http://127.0.0.1:4510" },
    seconds: { type: "string", default: "60" },
    interval: { type: "string", default: "5" },
    screens: { type: "string", default: "1,20" },
    page: { type: "string", default: "oncall" },
    query: { type: "string", default: "" },
  },
});

type Counts = Record<string, number>;

async function upstreamCounts(): Promise<Counts> {
  const body = (await (await fetch(`${values.emulator}/__emulator/stats`)).json()) as { requests: Counts };
  return body.requests;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function get(path: string): Promise<unknown> {
  const response = await fetch(`${values.base}${path}`);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

/** One refresh of `/`: the head, the live rows, the charts (the charts ignore the status filter). */
async function refreshDashboard(): Promise<void> {
  const view = new URLSearchParams(values.query);
  const head = (await get(`/api/tasks?${view}`)) as { tasks: { taskId: string; status: string }[] };
  const live = head.tasks.filter((task) => task.status === "WAITING" || task.status === "PROCESSING").map((task) => task.taskId);
  const chartView = new URLSearchParams(view);
  chartView.delete("status");
  await Promise.all([live.length ? get(`/api/tasks/updates?ids=${live.join(",")}`) : null, get(`/api/stats?${chartView}`)]);
}

const refresh = values.page === "dashboard" ? refreshDashboard : () => get(`/api/oncall?${values.query}`);

/** One screen: refreshes like the page does, its first refresh at a random moment of the interval. */
async function screen(until: number, intervalMs: number, polls: { ok: number; failed: number }): Promise<void> {
  await sleep(Math.random() * intervalMs);
  while (Date.now() < until) {
    const started = Date.now();
    const ok = await refresh().then(() => true, () => false);
    if (ok) polls.ok++;
    else polls.failed++;
    await sleep(Math.max(0, intervalMs - (Date.now() - started)));
  }
}

async function measure(screens: number, seconds: number, intervalMs: number) {
  const before = await upstreamCounts();
  const polls = { ok: 0, failed: 0 };
  const until = Date.now() + seconds * 1_000;
  await Promise.all(Array.from({ length: screens }, () => screen(until, intervalMs, polls)));
  const after = await upstreamCounts();
  const delta = (action: string) => (after[action] ?? 0) - (before[action] ?? 0);
  const tasks = delta("DescribeTasks");
  const details = delta("DescribeTaskDetail");
  return { screens, seconds, polls: polls.ok, failedPolls: polls.failed, describeTasks: tasks, describeTaskDetail: details,
    upstreamPerMinute: Math.round(((tasks + details) * 60) / seconds), upstreamPerPoll: polls.ok ? +((tasks + details) / polls.ok).toFixed(2) : null };
}

async function main(): Promise<void> {
  const seconds = Number(values.seconds);
  const intervalMs = Number(values.interval) * 1_000;
  // Warm up: the first request fills the mirrors and starts the outcome lookups of the last hour.
  console.error("warming up (fill and the last hour's outcome lookups)…");
  await measure(1, 30, intervalMs);
  const rows = [];
  for (const screens of values.screens.split(",").map(Number)) {
    console.error(`${screens} screen(s) for ${seconds}s…`);
    rows.push(await measure(screens, seconds, intervalMs));
  }
  console.table(rows);
  console.log(JSON.stringify(rows));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
