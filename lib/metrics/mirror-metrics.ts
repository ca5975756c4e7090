import "server-only";
import { Counter, Gauge, Histogram } from "prom-client";
import { serverEnv } from "@/lib/config/server-env";
import { DEFAULT_LIMIT, DEFAULT_SORT } from "@/lib/filters/task-query";
import { mirrorFor } from "@/lib/mirror/registry";
import type { MirrorView } from "@/lib/mirror/mirror-view";
import { FILTERABLE_STATUSES } from "@/lib/model/status";
import { staleAfterMs } from "@/lib/oncall/params";
import { appSnapshot } from "@/lib/oncall/snapshot";
import { FinishedOutcomes } from "./finished-outcomes";
import { metricsEnv } from "./metrics-env";
import { metricsRegistry } from "./registry";

const STATE_VALUE = { green: 0, amber: 1, red: 2 } as const;

/** The label of an app: its SubAppId, or `default` for the account's default app (VOD_SUBAPP_IDS unset). */
const appLabel = (mirror: MirrorView) => String(mirror.subAppId ?? "default");

function mirrors(): MirrorView[] {
  const { subAppIds } = serverEnv();
  return (subAppIds.length ? subAppIds : [undefined]).map((id) => mirrorFor(id));
}

/** Per app: the FinishTime (whole seconds, ms) up to which ended tasks have been counted. */
const countedUpTo = new Map<string, number>();

/** Seconds: from a quick transcode's wait to a long queue, and from a snapshot to a day-long job. */
const WAIT_BUCKETS = [1, 5, 10, 30, 60, 120, 300, 600, 1_800, 3_600, 7_200, 21_600];
const RUN_BUCKETS = [5, 15, 30, 60, 120, 300, 600, 1_200, 1_800, 3_600, 7_200, 21_600, 86_400];

interface EndedMetrics {
  finished: Counter<"sub_app_id" | "task_type" | "outcome">;
  wait: Histogram<"sub_app_id" | "task_type">;
  run: Histogram<"sub_app_id" | "task_type">;
}

/** Per app: the finished tasks held until their outcome is known. */
const finishedOutcomes = new Map<string, FinishedOutcomes>();

/**
 * Counts and observes the tasks each mirror has seen end since the last scrape, by FinishTime in
 * [counted up to, last sync): every task once, as the mirror learns it, with no gap between two
 * scrapes however far apart. A task's wait and run are observed when it ends; it is counted by its
 * outcome, `success` or `failed` (ABORTED at once), once the outcome worker has looked it up
 * (FinishedOutcomes: `unknown` if that takes over 10 minutes). All start at zero with the process.
 */
function countEnded(metrics: EndedMetrics, mirror: MirrorView): void {
  const { syncedAt } = mirror.health();
  if (syncedAt === null) return;
  const app = appLabel(mirror);
  let outcomes = finishedOutcomes.get(app);
  if (!outcomes) finishedOutcomes.set(app, (outcomes = new FinishedOutcomes()));
  const upTo = Math.floor(Date.parse(syncedAt) / 1_000) * 1_000;
  const from = countedUpTo.get(app);
  countedUpTo.set(app, Math.max(upTo, from ?? upTo));
  const ended = from === undefined || upTo <= from ? [] : mirror.endedBetween(from, upTo);
  for (const task of ended) {
    const labels = { sub_app_id: app, task_type: task.taskType };
    if (task.waitSeconds !== null) metrics.wait.observe(labels, task.waitSeconds);
    if (task.runSeconds !== null) metrics.run.observe(labels, task.runSeconds);
  }
  for (const { taskType, outcome } of outcomes.settle(ended, (taskId) => mirror.outcomeOf(taskId).outcome, Date.now())) {
    metrics.finished.inc({ sub_app_id: app, task_type: taskType, outcome });
  }
}

/**
 * The gauges read the server's mirrors at scrape time: the same numbers /api/stats and /api/oncall
 * answer from the same sync, and no upstream call of their own. A scrape counts as someone looking,
 * so the mirrors keep syncing (their shared syncs, not one per scrape) while Prometheus watches.
 */
export function registerMirrorMetrics(): void {
  if (metricsRegistry.getSingleMetric("vod_tasks")) return;
  new Gauge({
    name: "vod_tasks",
    help: "Tasks in the 72-hour window by SubAppId, task type and status (as /api/stats counts them).",
    labelNames: ["sub_app_id", "task_type", "status"] as const,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      for (const mirror of mirrors()) {
        void mirror.refresh();
        if (!mirror.hasData) continue;
        const view = { sort: DEFAULT_SORT, limit: DEFAULT_LIMIT, subAppId: mirror.subAppId };
        // The status filter reads as upstream's does (FINISH without ABORTED, no ABORTED filter): ABORTED is what is left.
        const aborted = new Map(mirror.stats(view).byType.map(({ type, count }) => [type, count]));
        for (const status of FILTERABLE_STATUSES) {
          for (const { type, count } of mirror.stats({ ...view, status }).byType) {
            this.set({ sub_app_id: appLabel(mirror), task_type: type, status }, count);
            aborted.set(type, (aborted.get(type) ?? 0) - count);
          }
        }
        for (const [type, count] of aborted) if (count > 0) this.set({ sub_app_id: appLabel(mirror), task_type: type, status: "ABORTED" }, count);
      }
    },
  });
  new Gauge({
    name: "vod_task_oldest_age_seconds",
    help: "How long the oldest WAITING task has waited, and the longest PROCESSING task has run, in seconds (0 when none).",
    labelNames: ["sub_app_id", "status"] as const,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      for (const mirror of mirrors()) {
        if (!mirror.hasData) continue;
        const active = mirror.activeTasks({ limit: 1 });
        this.set({ sub_app_id: appLabel(mirror), status: "WAITING" }, Math.floor(active.waiting[0]?.waitSeconds ?? 0));
        this.set({ sub_app_id: appLabel(mirror), status: "PROCESSING" }, Math.floor(active.processing[0]?.runSeconds ?? 0));
      }
    },
  });
  new Gauge({
    name: "vod_oncall_state",
    help: "The on-call view's state of each app, judged with ALERT_QUERY's thresholds: 0 green, 1 amber, 2 red.",
    labelNames: ["sub_app_id"] as const,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      const query = metricsEnv().oncall;
      const now = Date.now();
      for (const mirror of mirrors()) {
        this.set({ sub_app_id: appLabel(mirror) }, STATE_VALUE[appSnapshot(mirror, query, now, staleAfterMs(query.refresh)).state]);
      }
    },
  });
  // The counter's collect fills the histograms too, so it is registered (and so collected) before them.
  const wait = new Histogram({
    name: "vod_task_wait_seconds",
    help: "How long tasks waited before they started (started - created), observed when they end.",
    labelNames: ["sub_app_id", "task_type"] as const,
    buckets: WAIT_BUCKETS,
    registers: [],
  });
  const run = new Histogram({
    name: "vod_task_run_seconds",
    help: "How long tasks ran (finished - started), observed when they finish (FINISH; an abort is no full run).",
    labelNames: ["sub_app_id", "task_type"] as const,
    buckets: RUN_BUCKETS,
    registers: [],
  });
  new Counter({
    name: "vod_tasks_finished_total",
    help: "Tasks seen to end, by SubAppId, task type and outcome (success or failed as DescribeTaskDetail says, aborts failed; unknown when no lookup came within 10 minutes).",
    labelNames: ["sub_app_id", "task_type", "outcome"] as const,
    registers: [metricsRegistry],
    collect() {
      for (const mirror of mirrors()) countEnded({ finished: this, wait, run }, mirror);
    },
  });
  metricsRegistry.registerMetric(wait);
  metricsRegistry.registerMetric(run);
  new Gauge({
    name: "vod_mirror_last_sync_timestamp_seconds",
    help: "When each app's mirror last caught up with the VOD API (Unix seconds; absent before its first sync).",
    labelNames: ["sub_app_id"] as const,
    registers: [metricsRegistry],
    collect() {
      this.reset();
      for (const mirror of mirrors()) {
        const { syncedAt } = mirror.health();
        if (syncedAt !== null) this.set({ sub_app_id: appLabel(mirror) }, Date.parse(syncedAt) / 1_000);
      }
    },
  });
}
