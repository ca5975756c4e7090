import { describe, expect, it } from "vitest";
import { assess, growthPct, type Signals } from "./assess";
import type { Thresholds } from "./params";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);
const THRESHOLDS: Thresholds = { waitSlo: 600, runSlo: 3_600, growth: 25, failRate: 10, stall: 120 };

/** A healthy app: fresh data, short waits and runs, work flowing, a steady backlog, 2% failures. */
const healthy: Signals = {
  nowMs: NOW, staleAfterMs: 30_000, syncedAtMs: NOW - 4_000, loading: false, lastError: null,
  waitSeconds: [12, 3], runSeconds: [400, 20], backlogNow: 2, backlogBefore: 2, endedRecently: 30, startedRecently: 12,
  outcomes: { known: 100, failed: 2 },
};

const cases: { name: string; change: Partial<Signals>; thresholds?: Partial<Thresholds>; state: string; reasons: string[] }[] = [
  { name: "healthy", change: {}, state: "green", reasons: [] },
  { name: "one task waiting just over the SLO", change: { waitSeconds: [601, 3] }, state: "amber", reasons: ["1 task waiting over 10m"] },
  { name: "exactly at the SLO is not over it", change: { waitSeconds: [600] }, state: "green", reasons: [] },
  { name: "tasks waiting beyond twice the SLO", change: { waitSeconds: [1_300, 900, 700, 5] }, state: "red", reasons: ["3 tasks waiting over 10m (1 over 20m)"] },
  { name: "a task running over the SLO", change: { runSeconds: [3_700, 20] }, state: "amber", reasons: ["1 task running over 1h"] },
  { name: "a task running beyond twice the SLO", change: { runSeconds: [7_300] }, state: "red", reasons: ["1 task running over 1h (1 over 2h)"] },
  { name: "SLOs from the URL, in seconds", change: { waitSeconds: [45, 31] }, thresholds: { waitSlo: 30 }, state: "amber", reasons: ["2 tasks waiting over 30s"] },
  { name: "failure rate at the threshold", change: { outcomes: { known: 100, failed: 10 } }, state: "amber", reasons: ["Failure rate 10% in the last hour (10 of 100 known)"] },
  { name: "failure rate at twice the threshold", change: { outcomes: { known: 50, failed: 10 } }, state: "red", reasons: ["Failure rate 20% in the last hour (10 of 50 known)"] },
  { name: "too few known outcomes to judge", change: { outcomes: { known: 19, failed: 19 } }, state: "green", reasons: [] },
  { name: "backlog grew 40% in 15m", change: { backlogBefore: 20, backlogNow: 28, waitSeconds: Array(28).fill(5) }, state: "amber", reasons: ["Backlog grew 40% in 15m (20 → 28 waiting)"] },
  { name: "backlog grew exactly the threshold", change: { backlogBefore: 20, backlogNow: 25 }, state: "green", reasons: [] },
  { name: "a small queue growing a lot in percent but by few tasks", change: { backlogBefore: 2, backlogNow: 6 }, state: "green", reasons: [] },
  { name: "a backlog out of nothing", change: { backlogBefore: 0, backlogNow: 7 }, state: "amber", reasons: ["Backlog grew from 0 in 15m (0 → 7 waiting)"] },
  { name: "a custom growth threshold", change: { backlogBefore: 20, backlogNow: 28 }, thresholds: { growth: 50 }, state: "green", reasons: [] },
  { name: "nothing finished while tasks are active", change: { endedRecently: 0 }, state: "amber", reasons: ["Nothing finished in 5m while 4 tasks are queued or running"] },
  { name: "nothing finished and nothing to do", change: { endedRecently: 0, waitSeconds: [], runSeconds: [], backlogNow: 0, backlogBefore: 0 }, state: "green", reasons: [] },
  { name: "data older than three refreshes", change: { syncedAtMs: NOW - 31_000 }, state: "red", reasons: ["Data is stale: no sync for over 30s"] },
  { name: "data just within three refreshes", change: { syncedAtMs: NOW - 30_000 }, state: "green", reasons: [] },
  { name: "upstream failing with recent data", change: { lastError: { code: "UpstreamUnavailable", message: "down" }, syncedAtMs: NOW - 12_000 }, state: "red",
    reasons: ["Data is stale: upstream failing (UpstreamUnavailable)"] },
  { name: "upstream failing before any sync", change: { lastError: { code: "UpstreamTimeout", message: "slow" }, syncedAtMs: null, loading: true }, state: "red",
    reasons: ["Data is stale: upstream failing (UpstreamTimeout); never synced", "Still reading the 72-hour window: counts are incomplete"] },
  { name: "still loading", change: { syncedAtMs: null, loading: true, endedRecently: 0 }, state: "amber", reasons: ["Still reading the 72-hour window: counts are incomplete"] },
  { name: "a stall: stuck, growing and not flowing, red first", change: {
    waitSeconds: [1_500, 700, ...Array(10).fill(60)], runSeconds: [3_900], backlogBefore: 4, backlogNow: 12, endedRecently: 0, startedRecently: 0 },
  state: "red", reasons: ["2 tasks waiting over 10m (1 over 20m)", "Stalled: nothing started in 2m while 12 tasks wait", "1 task running over 1h", "Backlog grew 200% in 15m (4 → 12 waiting)",
    "Nothing finished in 5m while 13 tasks are queued or running"] },
  { name: "a stall within 2 minutes: tasks wait, none starts, nothing over an SLO yet", change: { waitSeconds: [130, 40, 5], startedRecently: 0, backlogNow: 3 },
    state: "amber", reasons: ["Stalled: nothing started in 2m while 3 tasks wait"] },
  { name: "no stall while the queue is younger than the window", change: { waitSeconds: [100, 5], startedRecently: 0 }, state: "green", reasons: [] },
  { name: "a stall window from the URL: 30s", change: { waitSeconds: [40, 5], startedRecently: 0, backlogNow: 2 }, thresholds: { stall: 30 },
    state: "amber", reasons: ["Stalled: nothing started in 30s while 2 tasks wait"] },
  { name: "no stall while tasks start", change: { waitSeconds: [300], startedRecently: 1 }, state: "green", reasons: [] },
  { name: "stale and stuck: staleness leads", change: { syncedAtMs: NOW - 60_000, waitSeconds: [1_300] }, state: "red",
    reasons: ["Data is stale: no sync for over 30s", "1 task waiting over 10m (1 over 20m)"] },
];

describe("assess", () => {
  it.each(cases)("$name → $state", ({ change, thresholds, state, reasons }) => {
    const result = assess({ ...healthy, ...change }, { ...THRESHOLDS, ...thresholds });
    expect(result.reasons.map((reason) => reason.text)).toEqual(reasons);
    expect(result.state).toBe(state);
  });

  it("marks the result stale only for staleness, with a level per reason", () => {
    const result = assess({ ...healthy, syncedAtMs: NOW - 60_000, waitSeconds: [700] }, THRESHOLDS);
    expect(result.stale).toBe(true);
    expect(result.reasons.map(({ level, kind }) => [level, kind])).toEqual([["red", "stale"], ["amber", "waiting"]]);
    expect(assess({ ...healthy, waitSeconds: [700] }, THRESHOLDS).stale).toBe(false);
  });

  it("puts growth in percent, Infinity from an empty backlog", () => {
    expect(growthPct(10, 14)).toBe(40);
    expect(growthPct(10, 5)).toBe(-50);
    expect(growthPct(0, 3)).toBe(Infinity);
    expect(growthPct(0, 0)).toBeNull();
  });
});
