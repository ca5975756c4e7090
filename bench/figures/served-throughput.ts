import autocannon from "autocannon";
import { callsBetween, startEmulatorProcess } from "../harness/emulator";
import type { Figure } from "../harness/figure";
import { round } from "../harness/numbers";
import { row } from "../harness/report";
import { ensureBuild, startDashboard } from "../harness/server";
import { POPULAR_VIEW } from "./upstream-economy";

const CONNECTIONS = 50;

export const servedThroughput: Figure = {
  id: "served-throughput",
  title: `served throughput: /api/tasks for one popular view, ${CONNECTIONS} connections`,
  async run(ctx) {
    const seconds = ctx.quick ? 5 : 20;
    ensureBuild(ctx.log);
    const emulator = await startEmulatorProcess({ tasksPerHour: ctx.quick ? 600 : 14_000 });
    const server = await startDashboard(emulator);
    const url = `${server.url}${POPULAR_VIEW}`;
    ctx.log("warming up");
    await autocannon({ url, connections: CONNECTIONS, duration: ctx.quick ? 2 : 3 });
    const before = await emulator.stats();
    ctx.log(`measuring for ${seconds} s`);
    const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, timeout: 10 });
    const calls = callsBetween(before, await emulator.stats());
    await server.stop();
    await emulator.stop();
    const failures = result.non2xx + result.errors + result.timeouts;
    const note = `${result.requests.total} requests in ${seconds} s (${failures} failed: non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}); latency median ${result.latency.p50} ms, p90 ${result.latency.p90} ms, max ${result.latency.max} ms; ${calls.describeTasks} upstream calls; autocannon runs in the bench process on the same 2 cores`;
    const throughput = failures > 0 ? (result.requests.total - failures) / seconds : result.requests.average;
    return [
      row("served-throughput", "requests per second", round(throughput, 0), "req/s", { op: ">=", limit: 2_000 }, note),
      row("served-throughput", "p99 latency", result.latency.p99, "ms", { op: "<=", limit: 50 }),
    ];
  },
};
