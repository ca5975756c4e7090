import { formatDurationParam } from "./duration";
import type { Thresholds } from "./params";
import type { OncallState, Reason } from "./types";

/**
 * The on-call rules, in one place (documented in the README too):
 *
 * red   – the data is stale: the last sync failed, or it is older than three refresh intervals;
 *       – a task has waited more than 2 × waitSlo, or run more than 2 × runSlo;
 *       – the failure rate of the last hour is at least 2 × failRate (once enough outcomes are known).
 * amber – a task has waited more than waitSlo, or run more than runSlo;
 *       – the failure rate is at least failRate;
 *       – the WAITING backlog grew by more than `growth` percent in 15 minutes, and by at least
 *         MIN_BACKLOG_GROWTH tasks (a queue of 2 becoming 3 is +50% but nobody's problem);
 *       – a stall: nothing started in the last `stall` (2 minutes unless the URL says otherwise) while
 *         tasks wait (and the oldest has waited that long), read from the mirror's start times;
 *       – nothing ended in the last FLOW_WINDOW_MINUTES while tasks are queued or running;
 *       – the first read of the 72-hour window is still under way (the numbers are incomplete).
 * green – none of these.
 *
 * Stale data is red rather than grey on purpose: a wall screen that cannot be trusted needs a
 * human as much as a stuck queue does, and green must always mean "checked and fine".
 */
export const MIN_KNOWN_OUTCOMES = 20;
export const MIN_BACKLOG_GROWTH = 5;
export const FLOW_WINDOW_MINUTES = 5;
export const BACKLOG_LOOKBACK_MINUTES = 15;

export interface Signals {
  nowMs: number;
  /** Data older than this is stale (three refresh intervals). */
  staleAfterMs: number;
  /** When the data last caught up with upstream; null if it never did. */
  syncedAtMs: number | null;
  loading: boolean;
  lastError: { code: string; message: string } | null;
  /** Seconds waiting of every WAITING task. */
  waitSeconds: readonly number[];
  /** Seconds running of every PROCESSING task. */
  runSeconds: readonly number[];
  backlogNow: number;
  backlogBefore: number;
  /** Tasks ended in the last FLOW_WINDOW_MINUTES. */
  endedRecently: number;
  /** Tasks started in the last `stall` seconds of the thresholds. */
  startedRecently: number;
  outcomes: { known: number; failed: number };
}

export interface Assessment {
  state: OncallState;
  reasons: Reason[];
  stale: boolean;
}

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export function failureRatePct(outcomes: Signals["outcomes"]): number | null {
  return outcomes.known >= MIN_KNOWN_OUTCOMES ? (100 * outcomes.failed) / outcomes.known : null;
}

/** Percent growth, Infinity from an empty backlog, null when there is nothing either side. */
export function growthPct(before: number, now: number): number | null {
  if (before === 0) return now === 0 ? null : Infinity;
  return (100 * (now - before)) / before;
}

// No ages in these texts: the answer is read for a while after it was written, and the screen
// shows the last good moment itself, ticking.
function staleness(signals: Signals): Reason | null {
  const { nowMs, syncedAtMs, lastError, staleAfterMs } = signals;
  if (lastError) {
    return { level: "red", kind: "stale", text: `Data is stale: upstream failing (${lastError.code})${syncedAtMs === null ? "; never synced" : ""}` };
  }
  if (syncedAtMs !== null && nowMs - syncedAtMs > staleAfterMs) {
    return { level: "red", kind: "stale", text: `Data is stale: no sync for over ${formatDurationParam(staleAfterMs / 1_000)}` };
  }
  return null;
}

function overSlo(kind: "waiting" | "running", seconds: readonly number[], slo: number): Reason | null {
  const over = seconds.filter((value) => value > slo).length;
  if (over === 0) return null;
  const far = seconds.filter((value) => value > 2 * slo).length;
  const text = `${plural(over, "task")} ${kind} over ${formatDurationParam(slo)}${far > 0 ? ` (${far} over ${formatDurationParam(2 * slo)})` : ""}`;
  return { level: far > 0 ? "red" : "amber", kind, text };
}

function failures(signals: Signals, threshold: number): Reason | null {
  const rate = failureRatePct(signals.outcomes);
  if (rate === null || rate < threshold) return null;
  const { failed, known } = signals.outcomes;
  return { level: rate >= 2 * threshold ? "red" : "amber", kind: "failures", text: `Failure rate ${Math.round(rate)}% in the last hour (${failed} of ${known} known)` };
}

function backlog(signals: Signals, threshold: number): Reason | null {
  const { backlogBefore: before, backlogNow: now } = signals;
  const pct = growthPct(before, now);
  if (pct === null || pct <= threshold || now - before < MIN_BACKLOG_GROWTH) return null;
  const how = Number.isFinite(pct) ? `grew ${Math.round(pct)}%` : "grew from 0";
  return { level: "amber", kind: "backlog", text: `Backlog ${how} in ${BACKLOG_LOOKBACK_MINUTES}m (${before} → ${now} waiting)` };
}

/** Tasks wait and none starts: the queue is not being served, whatever else moves. */
function stall(signals: Signals, windowSeconds: number): Reason | null {
  const { waitSeconds, startedRecently, loading } = signals;
  if (loading || waitSeconds.length === 0 || startedRecently > 0) return null;
  // A queue younger than the window has not had the chance to start yet.
  if (waitSeconds.reduce((max, value) => Math.max(max, value), 0) < windowSeconds) return null;
  return { level: "amber", kind: "stall", text: `Stalled: nothing started in ${formatDurationParam(windowSeconds)} while ${plural(waitSeconds.length, "task waits", "tasks wait")}` };
}

function flow(signals: Signals): Reason | null {
  const active = signals.waitSeconds.length + signals.runSeconds.length;
  if (signals.loading || signals.endedRecently > 0 || active === 0) return null;
  return { level: "amber", kind: "flow", text: `Nothing finished in ${FLOW_WINDOW_MINUTES}m while ${plural(active, "task is", "tasks are")} queued or running` };
}

/** The state of one SubAppId and why, worst reason first. Pure: the route and the tests call it alike. */
export function assess(signals: Signals, thresholds: Thresholds): Assessment {
  const loading: Reason | null = signals.loading
    ? { level: "amber", kind: "loading", text: "Still reading the 72-hour window: counts are incomplete" }
    : null;
  const stale = staleness(signals);
  const reasons = [
    stale,
    loading,
    stall(signals, thresholds.stall),
    overSlo("waiting", signals.waitSeconds, thresholds.waitSlo),
    overSlo("running", signals.runSeconds, thresholds.runSlo),
    failures(signals, thresholds.failRate),
    backlog(signals, thresholds.growth),
    flow(signals),
  ].filter((reason): reason is Reason => reason !== null);
  // Stable sort: red before amber, and within a level the order above (staleness first).
  reasons.sort((a, b) => (a.level === b.level ? 0 : a.level === "red" ? -1 : 1));
  return { state: worstState(reasons.map((reason) => reason.level)), reasons, stale: stale !== null };
}

export function worstState(levels: readonly OncallState[]): OncallState {
  if (levels.includes("red")) return "red";
  return levels.includes("amber") ? "amber" : "green";
}
