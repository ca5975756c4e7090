import { DEFAULT_LIMIT, DEFAULT_SORT } from "@/lib/filters/task-query";
import type { ActiveTask } from "@/lib/mirror/oncall";
import type { MirrorView } from "@/lib/mirror/mirror-view";
import { assess, BACKLOG_LOOKBACK_MINUTES, failureRatePct, FLOW_WINDOW_MINUTES, growthPct } from "./assess";
import type { OncallQuery } from "./params";
import type { OncallApp, StuckTask } from "./types";

/** Stuck tasks listed per kind; the totals still count them all. A wall screen shows a dozen anyway. */
export const STUCK_LIST_LIMIT = 50;
/** The last failures listed; the failure-rate tile counts every one. */
export const FAILURE_LIST_LIMIT = 10;
const BUCKET_MINUTES = 5;
const THROUGHPUT_MINUTES = 15;

function stuckTasks(tasks: ActiveTask[], seconds: (task: ActiveTask) => number, slo: number) {
  // The mirror lists them oldest first, so the stuck ones are a prefix.
  const stuck = tasks.filter((task) => seconds(task) > slo);
  const listed: StuckTask[] = stuck.slice(0, STUCK_LIST_LIMIT).map((task) => ({
    taskId: task.taskId, taskType: task.taskType, fileId: task.fileId, createTime: task.createTime,
    beginProcessTime: task.beginProcessTime, seconds: Math.floor(seconds(task)), level: seconds(task) > 2 * slo ? "red" : "amber",
  }));
  return { listed, total: stuck.length };
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * Everything the on-call screen shows for one SubAppId, read from its mirror at one moment.
 * The WAITING/PROCESSING counts come from the mirror's stats of the unfiltered view, the very
 * numbers GET /api/stats answers, so the two never disagree about the same sync.
 */
export function appSnapshot(mirror: MirrorView, query: OncallQuery, nowMs: number, staleAfterMs: number): OncallApp {
  const health = mirror.health();
  const syncedAtMs = health.syncedAt === null ? null : Date.parse(health.syncedAt);
  const byStatus = mirror.stats({ sort: DEFAULT_SORT, limit: DEFAULT_LIMIT, subAppId: mirror.subAppId }, nowMs).byStatus;
  const active = mirror.activeTasks({ limit: Number.POSITIVE_INFINITY });
  const outcomes = mirror.recentOutcomes();
  const series = mirror.finishedPerMinute({ hours: 6 });
  const minutes = series.map((minute) => minute.finished + minute.aborted);
  // Comparisons over time are made from the moment the data is of, not from now: while upstream
  // hangs, "15 minutes before" must not slide on while the numbers it is compared with stand still.
  const dataAtMs = Math.min(nowMs, syncedAtMs ?? nowMs);
  const backlogBefore = mirror.waitingAt(dataAtMs - BACKLOG_LOOKBACK_MINUTES * 60_000);
  const startedRecently = mirror.startedSince(dataAtMs - query.stall * 1_000);
  const waitSeconds = active.waiting.map((task) => task.waitSeconds);
  const runSeconds = active.processing.map((task) => task.runSeconds ?? 0);

  const assessment = assess({
    nowMs, staleAfterMs, syncedAtMs, loading: health.state !== "ready", lastError: health.lastError,
    waitSeconds, runSeconds, backlogNow: active.waitingCount, backlogBefore,
    endedRecently: sum(minutes.slice(-FLOW_WINDOW_MINUTES)), startedRecently, outcomes,
  }, query);

  const waiting = stuckTasks(active.waiting, (task) => task.waitSeconds, query.waitSlo);
  const processing = stuckTasks(active.processing, (task) => task.runSeconds ?? 0, query.runSlo);
  const perMinute: number[] = [];
  for (let i = 0; i < minutes.length; i += BUCKET_MINUTES) perMinute.push(sum(minutes.slice(i, i + BUCKET_MINUTES)) / BUCKET_MINUTES);

  return {
    subAppId: mirror.subAppId ?? null,
    state: assessment.state,
    reasons: assessment.reasons,
    stale: assessment.stale,
    loading: health.state !== "ready",
    hasData: mirror.hasData,
    syncedAt: health.syncedAt,
    dataAgeSeconds: syncedAtMs === null ? null : Math.max(0, Math.round((nowMs - syncedAtMs) / 1_000)),
    lastError: health.lastError,
    tiles: {
      waiting: byStatus.WAITING,
      processing: byStatus.PROCESSING,
      endedLastHour: outcomes.ended,
      // The current minute is still filling up: whole minutes only.
      throughputPerMinute: sum(minutes.slice(-THROUGHPUT_MINUTES - 1, -1)) / THROUGHPUT_MINUTES,
      oldestWaitingSeconds: longest(waitSeconds),
      longestRunningSeconds: longest(runSeconds),
      failureRate: failureRatePct(outcomes),
      outcomesKnown: outcomes.known,
      outcomesFailed: outcomes.failed,
      backlog15mAgo: backlogBefore,
      backlogGrowthPct: finiteOrNull(growthPct(backlogBefore, active.waitingCount)),
    },
    throughput: { bucketMinutes: BUCKET_MINUTES, from: series[0]?.start ?? new Date(nowMs).toISOString(), perMinute },
    stuck: { waiting: waiting.listed, processing: processing.listed, waitingTotal: waiting.total, processingTotal: processing.total },
    recentFailures: outcomes.failures.slice(0, FAILURE_LIST_LIMIT).map(({ taskId, taskType, finishTime, errorCode, message }) => ({ taskId, taskType, finishTime, errorCode, message })),
  };
}

/** A reduce, not Math.max(...): a long stall can queue more tasks than a call may take arguments. */
function longest(seconds: number[]): number | null {
  return seconds.length ? Math.floor(seconds.reduce((max, value) => Math.max(max, value), 0)) : null;
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}
