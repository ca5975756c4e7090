import { callsBetween, startEmulatorProcess } from "../harness/emulator";
import type { Figure } from "../harness/figure";
import { startNaiveProxy } from "../harness/naive";
import { median, percentile, round } from "../harness/numbers";
import { row } from "../harness/report";
import { ensureBuild, startDashboard } from "../harness/server";
import { clockSecondsTouched, nextWholeSecond, simulateViewers, type ViewerRun } from "../harness/viewers";

/** The view everybody watches: the newest tasks of the last six hours. */
export const POPULAR_VIEW = "/api/tasks?createdAfter=now-6h&limit=50";
const VIEWERS = 1_000;
const PERIOD_MS = 5_000;

function describe(run: ViewerRun): string {
  const statuses = Object.entries(run.statuses).map(([s, n]) => `${s === "0" ? "no answer" : s}×${n}`).join(" ");
  return `${run.requests} requests (${statuses}), median ${round(median(run.latenciesMs), 1)} ms, p99 ${round(percentile(run.latenciesMs, 99), 1)} ms`;
}

export const upstreamEconomy: Figure = {
  id: "upstream-economy",
  title: `upstream economy: ${VIEWERS} viewers polling one view every 5 s`,
  async run(ctx) {
    const durationMs = ctx.quick ? 10_000 : 60_000;
    ensureBuild(ctx.log);
    const emulator = await startEmulatorProcess({ tasksPerHour: ctx.quick ? 600 : 14_000 });

    const server = await startDashboard(emulator);
    await fetch(`${server.url}${POPULAR_VIEW}`); // first compile/warm-up of the route, outside the count
    let startAt = nextWholeSecond();
    let before = await emulator.stats();
    ctx.log(`this server: ${VIEWERS} viewers for ${durationMs / 1000} s`);
    const ours = await simulateViewers({ url: `${server.url}${POPULAR_VIEW}`, viewers: VIEWERS, periodMs: PERIOD_MS, startAt, durationMs });
    const oursCalls = callsBetween(before, await emulator.stats());
    await server.stop();

    const naive = await startNaiveProxy(emulator);
    await fetch(`${naive.url}${POPULAR_VIEW}`);
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // let the warm-up leave the rate window
    startAt = nextWholeSecond();
    before = await emulator.stats();
    ctx.log(`naive proxy: ${VIEWERS} viewers for ${durationMs / 1000} s`);
    const baseline = await simulateViewers({ url: `${naive.url}${POPULAR_VIEW}`, viewers: VIEWERS, periodMs: PERIOD_MS, startAt, durationMs });
    const naiveCalls = callsBetween(before, await emulator.stats());
    await naive.stop();
    await emulator.stop();

    // Per second of the clock the requests touched: the run's length plus the second its last answers spill into.
    const seconds = clockSecondsTouched(ours);
    const perViewSecond = oursCalls.describeTasks / seconds;
    const ratio = naiveCalls.describeTasks / Math.max(1, oursCalls.describeTasks);
    return [
      row("upstream-economy", "this server: upstream calls per view per second", round(perViewSecond, 3), "", { op: "<=", limit: 1 },
        `${oursCalls.describeTasks} DescribeTasks over the ${seconds} clock seconds touched by a ${durationMs / 1000}-s run of ${VIEWERS} viewers of ${POPULAR_VIEW}; ${describe(ours)}`),
      row("upstream-economy", "naive proxy ÷ this server, upstream calls", round(ratio, 1), "×", { op: ">=", limit: 100 },
        `naive proxy: ${naiveCalls.describeTasks} calls (${naiveCalls.limitExceeded} refused with RequestLimitExceeded); ${describe(baseline)}`),
    ];
  },
};
