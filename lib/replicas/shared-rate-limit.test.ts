import { describe, expect, it } from "vitest";
import { paceFor, windowFor } from "./shared-rate-limit";

/** The most grants any span of `spanMs` can meet when windows of `durationMs` start at their first grant. */
function worstInSpan({ points, durationMs }: { points: number; durationMs: number }, spanMs: number): number {
  return points === 1 ? Math.ceil(spanMs / durationMs) : points * (Math.ceil(spanMs / durationMs) + 1);
}

describe("windowFor (a replica alone, while the store is away)", () => {
  it("never lets upstream count more than VOD_MAX_RPS in a second, grants up to 100 ms late included, for every allowed value", () => {
    for (let max = 1; max <= 100; max++) {
      const window = windowFor(max);
      expect(window.points).toBeGreaterThanOrEqual(1);
      expect(worstInSpan(window, 1_100)).toBeLessThanOrEqual(max);
    }
  });

  it("keeps most of the budget usable: about 80 % sustained at 50 and 90", () => {
    for (const max of [50, 90]) {
      const { points, durationMs } = windowFor(max);
      expect((points * 1_000) / durationMs).toBeGreaterThanOrEqual(0.75 * max);
    }
  });
});

/**
 * The most grants a half-open span of `spanUs` can hold at this pace: grants n apart are at least
 * n·interval − tolerance apart (the generic cell rate algorithm), so n + 1 fit only if that is less.
 */
function mostInSpan({ intervalUs, toleranceUs }: { intervalUs: number; toleranceUs: number }, spanUs: number): number {
  let n = 0;
  while ((n + 1) * intervalUs - toleranceUs < spanUs) n++;
  return n + 1;
}

describe("paceFor (the replicas' shared pace)", () => {
  it("never lets upstream count more than VOD_MAX_RPS in a second, grants up to 100 ms late included, for every allowed value", () => {
    for (let max = 1; max <= 100; max++) {
      const pace = paceFor(max);
      expect(pace.intervalUs).toBeGreaterThan(0);
      expect(mostInSpan(pace, 1_100_000)).toBeLessThanOrEqual(max);
    }
  });

  it("sustains about 90 % of the budget, where fixed windows sustained 80 %", () => {
    for (const max of [50, 90]) {
      const perSecond = 1e6 / paceFor(max).intervalUs;
      expect(perSecond).toBeGreaterThanOrEqual(0.88 * max);
      const { points, durationMs } = windowFor(max);
      expect(perSecond).toBeGreaterThan((points * 1_000) / durationMs);
    }
  });
});
