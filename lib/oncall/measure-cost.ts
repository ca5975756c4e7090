/**
 * What on-call screens cost the upstream: 1 and then 20 screens poll GET /api/oncall for a
 * minute each, and the emulator's request counters say how many DescribeTasks and
 * DescribeTaskDetail calls the dashboard made meanwhile. Screens share the server-side mirrors,
 * so the two figures should be about the same.
 *
 *   npx tsx lib/oncall/measure-cost.ts [--base http://127.0.0.1:3000] [--emulator http://127.0.0.1:4510]
 *     [--seconds 60] [--interval 5] [--screens 1,20] [--query "refresh=5s"]
 *
 * Needs a running dashboard in emulator mode (npm start). Kept here rather than in bench/ so it
 * does not step on the benchmark suite's harness; it has no dependency beyond fetch.
 */
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    base: { type: "string", default: "http://127.0.0.1:3000" },
    emulator: { type: "string", default: "http://127.0.0.1:4510" },
    seconds: { type: "string", default: "60" },
    interval: { type: "string", default: "5" },
    screens: { type: "string", default: "1,20" },
    query: { type: "string", default: "refresh=5s" },
  },
});

type Counts = Record<string, number>;

async function upstreamCounts(): Promise<Counts> {
  const body = (await (await fetch(`${values.emulator}/__emulator/stats`)).json()) as { requests: Counts };
  return body.requests;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One screen: polls like the page does, its first poll at a random moment of the interval. */
async function screen(until: number, intervalMs: number, polls: { ok: number; failed: number }): Promise<void> {
  await sleep(Math.random() * intervalMs);
  while (Date.now() < until) {
    const started = Date.now();
    const response = await fetch(`${values.base}/api/oncall?${values.query}`).catch(() => null);
    if (response?.ok) polls.ok++;
    else polls.failed++;
    await response?.arrayBuffer();
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
