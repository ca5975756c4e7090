import { isoSeconds } from "../../lib/model/iso-time";
import { toDescribeTasksRequest } from "@/lib/filters/describe-tasks-request";
import { parseTaskQuery } from "@/lib/filters/task-query";
import { resolveTimeWindow } from "@/lib/filters/time-window";
import { BENCH_KEY, startEmulatorProcess, SUBAPP_ID } from "../harness/emulator";
import type { Figure } from "../harness/figure";
import { httpGet } from "../harness/http-get";
import { median, percentile, round } from "../harness/numbers";
import { sleep } from "../harness/processes";
import { startNaiveProxy } from "../harness/naive";
import { row } from "../harness/report";
import { sdkClient } from "../harness/sdk";
import { ensureBuild, startDashboard } from "../harness/server";

/** Each pair asks for a different absolute window, so neither the gateway nor anything else can answer from memory. */
function queryString(i: number, base: number): string {
  const before = isoSeconds(base - i * 1000);
  return `subAppId=${SUBAPP_ID}&createdBefore=${before}&limit=50`;
}

const ORDERS = [
  ["server", "direct", "naive"],
  ["direct", "naive", "server"],
  ["naive", "server", "direct"],
] as const;

export const proxyOverhead: Figure = {
  id: "proxy-overhead",
  title: "proxy overhead: /api/tasks against a direct SDK call, interleaved, cache defeated",
  async run(ctx) {
    const pairs = ctx.quick ? 200 : 1_500;
    ensureBuild(ctx.log);
    const emulator = await startEmulatorProcess({ tasksPerHour: ctx.quick ? 600 : 14_000 });
    const server = await startDashboard(emulator);
    const naive = await startNaiveProxy(emulator);
    const sdk = sdkClient(emulator.url, BENCH_KEY, 4);
    const base = Math.floor(Date.now() / 1000) * 1000 - 3_600_000;
    const viaServer: number[] = [];
    const direct: number[] = [];
    const viaNaive: number[] = [];
    const differences: number[] = [];
    const warmup = 50;
    for (let i = 0; i < pairs + warmup; i++) {
      const qs = queryString(i, base);
      const parsed = parseTaskQuery(new URLSearchParams(qs), { subAppIds: [SUBAPP_ID] });
      if (!parsed.ok) throw new Error(parsed.message);
      const window = resolveTimeWindow(parsed.value, Date.now());
      if (!window.ok) throw new Error(window.message);
      const request = toDescribeTasksRequest(parsed.value, window.value, { limit: parsed.value.limit });
      const measure = async (which: "server" | "direct" | "naive") => {
        const t = performance.now();
        if (which === "direct") await sdk.describeTasks(request);
        else {
          const answer = await httpGet(`${which === "server" ? server.url : naive.url}/api/tasks?${qs}`);
          if (answer.status !== 200) throw new Error(`${which} /api/tasks answered ${answer.status}: ${answer.body.slice(0, 200)}`);
        }
        return performance.now() - t;
      };
      // Rotate the order, so that none of them always meets a warmer emulator.
      const order = ORDERS[i % ORDERS.length];
      const took: Record<string, number> = {};
      for (const which of order) took[which] = await measure(which);
      if (i >= warmup) {
        viaServer.push(took.server);
        direct.push(took.direct);
        viaNaive.push(took.naive);
        differences.push(took.server - took.direct);
      }
      // ~45 rounds a second: inside VOD_MAX_RPS=90, and the server and the naive proxy share the
      // emulator's 100/s for their key (the direct calls have a key of their own).
      await sleep(15);
    }
    const added = median(viaServer) - median(direct);
    await server.stop();
    await naive.stop();
    await emulator.stop();
    return [
      row("proxy-overhead", "median added latency of /api/tasks", round(added, 2), "ms", { op: "<=", limit: 3 },
        `${pairs} interleaved rounds; /api/tasks median ${round(median(viaServer), 2)} ms (p90 ${round(percentile(viaServer, 90), 2)}), direct SDK median ${round(median(direct), 2)} ms (p90 ${round(percentile(direct, 90), 2)}); median of paired differences ${round(median(differences), 2)} ms; for scale, a bare node:http proxy around the same SDK call: median ${round(median(viaNaive), 2)} ms`),
    ];
  },
};
