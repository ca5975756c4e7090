import { readOutcomeLookupsPerHour } from "@/lib/config/outcome-env";
import { readServerEnv } from "@/lib/config/server-env";
import { Mirror } from "@/lib/mirror/mirror";
import { UNKNOWN } from "@/lib/mirror/outcome-columns";
import { createPacer } from "@/lib/mirror/pacer";
import { FINISH } from "@/lib/mirror/status-code";
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
const SHARE_TARGET = { op: "<=" as const, limit: 30 };
const BACKFILL_TARGET = { op: "<=" as const, limit: 1 };

/**
 * The background outcome lookups of one mirror against the emulator (its own process) at 14,000
 * tasks an hour, with nobody watching: the pace they keep, the share of VOD_MAX_RPS it is, and
 * how long after its FinishTime a new finish's outcome is known (while the window's backlog is
 * still being worked through: newest first). The whole-window time at 600 an hour follows from
 * the pace measured.
 */
export async function measureOutcomes(ctx: FigureContext): Promise<FigureRow[]> {
  {
    const tasksPerHour = 14_000;
    const measureMs = ctx.quick ? 90_000 : 240_000;
    const perHour = readOutcomeLookupsPerHour({}, MAX_RPS);
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
      const mirror = new Mirror({ gateway: () => gateway, subAppId: SUBAPP_ID, pacer: createPacer(8), outcomePacer: createPacer(perHour / 3_600), timer: false });
      ctx.log(`filling the window (about ${tasksPerHour * 72} tasks)`);
      const fillStarted = Date.now();
      await mirror.sync();
      if (mirror.health().state !== "ready") throw new Error(`the mirror did not fill: ${JSON.stringify(mirror.health().lastError)}`);
      ctx.log(`filled ${mirror.table.count} tasks in ${round((Date.now() - fillStarted) / 1_000, 1)} s; lookups start, nobody watching`);
      const startedAt = Date.now();
      mirror.startOutcomeLookups();
      const knownAfter = new Map<string, number>();
      const { table } = mirror;
      while (Date.now() - startedAt < measureMs) {
        await sleep(500);
        const now = Date.now();
        for (let slot = 0; slot < table.end; slot++) {
          if (table.status[slot] !== FINISH || !(table.finish[slot] >= startedAt) || knownAfter.has(table.ids[slot])) continue;
          if (mirror.outcomeColumns.of(slot) !== UNKNOWN) knownAfter.set(table.ids[slot], (now - table.finish[slot]) / 1_000);
        }
      }
      mirror.stopOutcomeLookups();
      const endedAt = Date.now();
      // A finish that was seen late, or not at all, counts too: every task that finished in the
      // period (up to a minute before its end) and is still unknown is a miss past the target.
      await sleep(1_000);
      const lateCut = endedAt - 60_000;
      const times = [...knownAfter.values()];
      let unknownFinishes = 0;
      const finished = await directFinishes(inner, startedAt, lateCut);
      for (const taskId of finished) if (!knownAfter.has(taskId)) unknownFinishes++;
      for (let i = 0; i < unknownFinishes; i++) times.push(Infinity);
      const lookups = detailsAt.filter((at) => at >= startedAt).length;
      const pace = lookups / ((endedAt - startedAt) / 1_000);
      const progress = mirror.outcomeProgress();
      const windowFinishes = countWindowFinishes(mirror);
      // 600 tasks an hour: a window of 600 × 72 tasks, this share of them FINISH; new ones arrive at 600/h.
      const backfillHours600 = (600 * 72 * (windowFinishes / Math.max(1, table.count))) / Math.max(0.01, pace - 600 / 3_600) / 3_600;
      const backfillHours14k = (progress.pending + progress.known) * (windowFinishes / Math.max(1, progress.pending + progress.known)) / Math.max(0.01, pace - tasksPerHour / 3_600) / 3_600;
      const note = `${lookups} DescribeTaskDetail in ${round((endedAt - startedAt) / 1_000, 0)} s at the default VOD_OUTCOME_LOOKUPS_PER_HOUR ${perHour}; ${finished.length} tasks finished in the period, ${unknownFinishes} not known by its end; ${progress.pending} of the window still pending`;
      const rows: FigureRow[] = [
        row("outcomes", "lookup pace", round(pace, 2), "/s", { op: "<=", limit: round(perHour / 3_600, 2) }, note),
        row("outcomes", "share of VOD_MAX_RPS 50", round((pace / MAX_RPS) * 100, 1), "%", SHARE_TARGET, "inside the system's reserved 30 %, so viewers keep their share"),
        row("outcomes", "time to know a new outcome at 14,000/h, p50", round(percentile(times, 50), 1), "s", TIME_TO_KNOW_TARGET, `${times.length} finishes`),
        row("outcomes", "time to know a new outcome at 14,000/h, p95", round(percentile(times, 95), 1), "s", TIME_TO_KNOW_TARGET, `${times.length} finishes`),
        row("outcomes", "whole window at 600/h from a first start (from the pace measured)", round(backfillHours600, 2), "h", BACKFILL_TARGET,
          `at 14,000/h the same pace needs ${round(backfillHours14k, 1)} h (raise VOD_MAX_RPS and VOD_OUTCOME_LOOKUPS_PER_HOUR for the 12 h target)`),
      ];
      return rows;
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
