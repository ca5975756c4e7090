import { isoSeconds } from "../../lib/model/iso-time";
import { describeTasks, TokenBook } from "@/lib/emulator/describe-tasks";
import { TaskStore } from "@/lib/emulator/store";
import type { DescribeTasksRequest } from "@/lib/vod/wire";
import { BENCH_KEY, startEmulatorProcess, SUBAPP_ID } from "../harness/emulator";
import type { Figure } from "../harness/figure";
import { median, percentile, round } from "../harness/numbers";
import { sleep } from "../harness/processes";
import { row } from "../harness/report";
import { sdkClient } from "../harness/sdk";

const TASKS_PER_HOUR = 14_000; // × 72 h ≈ 1,000,000 tasks in the window


/** Filtered, sorted pages of 100 of the kinds a dashboard asks for, relative to `now`. */
function queries(now: number): DescribeTasksRequest[] {
  const h = 3_600_000;
  return [
    { Status: "FINISH", Sort: { Field: "FinishTime", Order: "Desc" }, CreateTime: { After: isoSeconds(now - 24 * h) }, Limit: 100 },
    { Status: "PROCESSING", Sort: { Field: "CreateTime", Order: "Asc" }, Limit: 100 },
    { Status: "WAITING", Sort: { Field: "CreateTime", Order: "Desc" }, Limit: 100 },
    { FinishTime: { After: isoSeconds(now - 6 * h) }, Sort: { Field: "FinishTime", Order: "Asc" }, Limit: 100 },
    { Status: "FINISH", CreateTime: { After: isoSeconds(now - 60 * h), Before: isoSeconds(now - 59 * h) }, Sort: { Field: "CreateTime", Order: "Desc" }, Limit: 100 },
    { CreateTime: { After: isoSeconds(now - 6 * h) }, Sort: { Field: "CreateTime", Order: "Desc" }, Limit: 100 },
    { Sort: { Field: "FinishTime", Order: "Desc" }, Limit: 100 },
  ].map((q) => ({ SubAppId: SUBAPP_ID, ...q }) as DescribeTasksRequest);
}

export const emulatorPage: Figure = {
  id: "emulator-page",
  title: "emulator: filtered, sorted page of 100 over 1,000,000 tasks",
  async run(ctx) {
    const store = new TaskStore({ seed: 1, tasksPerHour: TASKS_PER_HOUR, subApps: [SUBAPP_ID], now: Date.now });
    const tokens = new TokenBook();
    ctx.log(`${store.taskCount} tasks in the window`);
    const rounds = ctx.quick ? 40 : 200;
    const times: number[] = [];
    const perQuery = new Map<number, number[]>();
    for (let r = 0; r < rounds; r++) {
      const now = Date.now();
      store.advance(now);
      queries(now).forEach((q, k) => {
        // The first page, then the next one through its ScrollToken: both are what clients ask.
        let body: DescribeTasksRequest = q;
        for (let page = 0; page < 2; page++) {
          const t = performance.now();
          const answer = describeTasks(store, tokens, body as never, now);
          const ms = performance.now() - t;
          if (r > 0) {
            times.push(ms);
            perQuery.set(k, [...(perQuery.get(k) ?? []), ms]);
          }
          if (!answer.ScrollToken) break;
          body = { ...q, ScrollToken: answer.ScrollToken };
        }
      });
    }
    const slowest = Math.max(...[...perQuery.values()].map(median));
    const inProcess = median(times);

    // The same pages over HTTP through the official SDK, paced under the 100/s limit.
    const emulator = await startEmulatorProcess({ tasksPerHour: TASKS_PER_HOUR });
    const sdk = sdkClient(emulator.url, BENCH_KEY, 4);
    const overHttp: number[] = [];
    for (let r = 0; r < (ctx.quick ? 8 : 30); r++) {
      for (const q of queries(Date.now())) {
        const t = performance.now();
        await sdk.describeTasks(q);
        if (r > 0) overHttp.push(performance.now() - t);
        await sleep(12);
      }
    }
    await emulator.stop();
    return [
      row("emulator-page", "median time of a page of 100 (in-process)", round(inProcess, 3), "ms", { op: "<=", limit: 5 },
        `${times.length} pages over ${store.taskCount} tasks, 7 query shapes × first and next page; p95 ${round(percentile(times, 95), 2)} ms, slowest shape's median ${round(slowest, 2)} ms; over HTTP with the SDK (signing, JSON, loopback) median ${round(median(overHttp), 2)} ms`),
    ];
  },
};
