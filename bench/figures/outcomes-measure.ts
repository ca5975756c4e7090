import { readOutcomeLookupsPerHour } from "@/lib/config/outcome-env";
import { readServerEnv } from "@/lib/config/server-env";
import { Mirror } from "@/lib/mirror/mirror";
import { UNKNOWN } from "@/lib/mirror/outcome-columns";
import { readOutcomeIdleLookups } from "@/lib/config/outcome-env";
import { createPacer } from "@/lib/mirror/pacer";
import { FINISH } from "@/lib/mirror/status-code";
import { clientCaller, runAs } from "@/lib/vod/caller";
import { createGateway, type Gateway } from "@/lib/vod/gateway";
import { createRequestBudget } from "@/lib/vod/request-budget";
import { createSdkSender } from "@/lib/vod/sdk-sender";
import { EMULATOR_KEY, startEmulatorProcess, SUBAPP_ID } from "../harness/emulator";
import type { FigureContext } from "../harness/figure";
import { percentile, round } from "../harness/numbers";
import { sleep } from "../harness/processes";
import { type FigureRow, row } from "../harness/report";

/** The server's defaults: VOD_MAX_RPS 50, and the outcome lookups' default share of it. */
const MAX_RPS = 50;
const TIME_TO_KNOW_TARGET = { op: "<=" as const, limit: 60 };
const PACE_TARGET_14K = 23;
/** A head page (the dashboard's first rows) while the worker backfills: the viewers keep their latency. */
const HEAD_TARGET_MS = { op: "<=" as const, limit: 500 };
/** The default lookups per app beyond the share (VOD_OUTCOME_IDLE_LOOKUPS unset). */
const IDLE_LOOKUPS = readOutcomeIdleLookups({});

interface HeadProbe {
  latencies: number[];
  stop(): Promise<void>;
}

/** A viewer asking for the newest page every `everyMs`, as a client of the budget, until stopped. */
function probeHead(gateway: Gateway, everyMs: number, viewer = "bench-viewer"): HeadProbe {
  const latencies: number[] = [];
  let running = true;
  const loop = runAs(clientCaller(viewer), async () => {
    while (running) {
      const asked = performance.now();
      try {
        await gateway.describeTasks({ SubAppId: SUBAPP_ID, Limit: 50, Sort: { Field: "CreateTime", Order: "Desc" } }, { maxAgeMs: 0 });
        latencies.push(performance.now() - asked);
      } catch {
        latencies.push(Infinity);
      }
      await sleep(everyMs);
    }
  });
  return { latencies, stop: async () => { running = false; await loop; } };
}

/**
 * The background outcome lookups of one mirror against the emulator (its own process) at 14,000
 * tasks an hour, wired as the server wires them (the configured share as the floor, idle lanes on
 * whatever budget is left): the pace they keep on a quiet dashboard, what it means for the whole
 * 72-hour window at 14,000/h and 600/h, how long after its FinishTime a new finish's outcome is
 * known (while the backlog is still worked through: newest first), a viewer's head-page latency
 * while the worker backfills, and the pace under a viewer flood (it falls back to its share).
 */
export async function measureOutcomes(ctx: FigureContext): Promise<FigureRow[]> {
  {
    const tasksPerHour = 14_000;
    const measureMs = ctx.quick ? 90_000 : 240_000;
    const loadMs = ctx.quick ? 20_000 : 40_000;
    const perHour = readOutcomeLookupsPerHour({}, MAX_RPS);
    const share = perHour / 3_600;
    const emulator = await startEmulatorProcess({ tasksPerHour });
    try {
      const env = readServerEnv({ VOD_ENDPOINT: emulator.url, VOD_MAX_RPS: String(MAX_RPS), VOD_EMULATOR_KEYS: `${EMULATOR_KEY.secretId}:${EMULATOR_KEY.secretKey}` });
      const inner = createGateway({ send: createSdkSender(env), budget: createRequestBudget(env.maxRps) });
      const detailsAt: number[] = [];
      const gateway: Gateway = {
        describeTasks: (request, options) => inner.describeTasks(request, options),
        describeTaskDetail: (request, options) => {
          detailsAt.push(Date.now());
          return inner.describeTaskDetail(request, options);
        },
      };
      const mirror = new Mirror({ gateway: () => gateway, subAppId: SUBAPP_ID, pacer: createPacer(8), outcomePacer: createPacer(share),
        outcomeIdleWorkers: IDLE_LOOKUPS, timer: false });
      ctx.log(`filling the window (about ${tasksPerHour * 72} tasks)`);
      const fillStarted = Date.now();
      await mirror.sync();
      if (mirror.health().state !== "ready") throw new Error(`the mirror did not fill: ${JSON.stringify(mirror.health().lastError)}`);
      ctx.log(`filled ${mirror.table.count} tasks in ${round((Date.now() - fillStarted) / 1_000, 1)} s; head latency before lookups`);
      await sleep(1_500); // the fill's slots leave the window
      const before = probeHead(gateway, 200);
      await sleep(4_000);
      await before.stop();
      ctx.log("lookups start, nobody watching but one viewer asking for the head page every second");
      const startedAt = Date.now();
      mirror.startOutcomeLookups();
      const head = probeHead(gateway, 1_000);
      const knownAfter = new Map<string, number>();
      const { table } = mirror;
      const pendingAtStart = mirror.outcomeProgress().pending;
      while (Date.now() - startedAt < measureMs) {
        await sleep(500);
        const now = Date.now();
        for (let slot = 0; slot < table.end; slot++) {
          if (table.status[slot] !== FINISH || !(table.finish[slot] >= startedAt) || knownAfter.has(table.ids[slot])) continue;
          if (mirror.outcomeColumns.of(slot) !== UNKNOWN) knownAfter.set(table.ids[slot], (now - table.finish[slot]) / 1_000);
        }
      }
      const endedAt = Date.now();
      await head.stop();
      const lookups = detailsAt.filter((at) => at >= startedAt && at < endedAt).length;
      const pace = lookups / ((endedAt - startedAt) / 1_000);
      const progress = mirror.outcomeProgress();

      ctx.log(`a viewer flood for ${loadMs / 1_000} s: the worker falls back to its share`);
      const loadStartedAt = Date.now();
      const flood = Array.from({ length: 12 }, (_, i) => probeHead(gateway, 0, `bench-flood-${i % 6}`));
      await sleep(loadMs);
      const loadEndedAt = Date.now();
      await Promise.all(flood.map((viewer) => viewer.stop()));
      mirror.stopOutcomeLookups();
      const loadPace = detailsAt.filter((at) => at >= loadStartedAt && at < loadEndedAt).length / ((loadEndedAt - loadStartedAt) / 1_000);
      const floodLatencies = flood.flatMap((viewer) => viewer.latencies);

      // A finish that was seen late, or not at all, counts too: every task that finished in the
      // period (up to a minute before its end) and is still unknown is a miss past the target.
      await sleep(1_000);
      const lateCut = endedAt - 60_000;
      const times = [...knownAfter.values()];
      let unknownFinishes = 0;
      const finished = await directFinishes(inner, startedAt, lateCut);
      for (const taskId of finished) if (!knownAfter.has(taskId)) unknownFinishes++;
      for (let i = 0; i < unknownFinishes; i++) times.push(Infinity);
      const windowFinishes = countWindowFinishes(mirror);
      const finishShare = windowFinishes / Math.max(1, table.count);
      // The whole window from a first start: its FINISH tasks, while new ones keep finishing at the arrival rate.
      const hoursFor = (rate: number) => (rate * 72 * finishShare) / Math.max(0.01, pace - rate / 3_600) / 3_600;
      const note = `${lookups} DescribeTaskDetail in ${round((endedAt - startedAt) / 1_000, 0)} s (share ${round(share, 1)}/s as the floor, ${IDLE_LOOKUPS} idle lanes); `
        + `${pendingAtStart - progress.pending} of ${pendingAtStart} pending learnt; ${finished.length} tasks finished in the period, ${unknownFinishes} not known by its end`;
      const ms = (values: number[], p: number) => round(percentile(values, p), 1);
      return [
        row("outcomes", "sustained lookups on a quiet dashboard", round(pace, 2), "/s", { op: ">=", limit: PACE_TARGET_14K }, note),
        row("outcomes", "share of VOD_MAX_RPS 50 on a quiet dashboard", round((pace / MAX_RPS) * 100, 1), "%", { op: "<=", limit: 100 },
          "the configured share (27 %) is the floor; beyond it only idle budget, below a 20 % headroom kept for viewers and the sync"),
        row("outcomes", "whole 72-h window at 14,000/h from a first start (from the pace measured)", round(hoursFor(14_000), 2), "h", { op: "<=", limit: 12 },
          `${Math.round(14_000 * 72 * finishShare)} FINISH tasks, new ones arriving at 3.9/s`),
        row("outcomes", "whole 72-h window at 600/h from a first start (from the pace measured)", round(hoursFor(600), 2), "h", { op: "<=", limit: 1 },
          `${Math.round(600 * 72 * finishShare)} FINISH tasks`),
        row("outcomes", "time to know a new outcome at 14,000/h, p50", ms(times, 50), "s", TIME_TO_KNOW_TARGET, `${times.length} finishes`),
        row("outcomes", "time to know a new outcome at 14,000/h, p95", ms(times, 95), "s", TIME_TO_KNOW_TARGET, `${times.length} finishes`),
        row("outcomes", "head page latency before the lookups, p50", ms(before.latencies, 50), "ms", HEAD_TARGET_MS, `${before.latencies.length} pages, nothing else running`),
        row("outcomes", "head page latency while the worker backfills, p50", ms(head.latencies, 50), "ms", HEAD_TARGET_MS, `${head.latencies.length} pages, one a second`),
        row("outcomes", "head page latency while the worker backfills, p95", ms(head.latencies, 95), "ms", HEAD_TARGET_MS, `${head.latencies.length} pages, one a second`),
        row("outcomes", "lookups under a viewer flood (its share is the floor)", round(loadPace, 2), "/s", { op: ">=", limit: round(share * 0.9, 1) },
          `12 viewers (6 clients) asking for head pages back to back: ${floodLatencies.length} pages, p95 ${ms(floodLatencies, 95)} ms`),
      ];
    } finally {
      await emulator.stop();
    }
  }
}

function countWindowFinishes(mirror: Mirror): number {
  let count = 0;
  for (let slot = 0; slot < mirror.table.end; slot++) if (mirror.table.status[slot] === FINISH) count++;
  return count;
}

/** The tasks that finished between two moments, straight from upstream (the bench's own reading). */
async function directFinishes(gateway: Gateway, fromMs: number, toMs: number): Promise<string[]> {
  const iso = (ms: number) => new Date(Math.ceil(ms / 1_000) * 1_000).toISOString().replace(".000Z", "Z");
  const ids: string[] = [];
  let token: string | undefined;
  do {
    const page = await gateway.describeTasks({ SubAppId: SUBAPP_ID, Status: "FINISH", FinishTime: { After: iso(fromMs), Before: iso(toMs) }, Limit: 100, ScrollToken: token }, { maxAgeMs: 0 });
    for (const task of page.TaskSet) ids.push(task.TaskId);
    token = page.ScrollToken || undefined;
  } while (token);
  return ids;
}
