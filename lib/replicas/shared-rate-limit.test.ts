import { describe, expect, it } from "vitest";
import { windowFor } from "./shared-rate-limit";

/** The most grants any span of `spanMs` can meet when windows of `durationMs` start at their first grant. */
function worstInSpan({ points, durationMs }: { points: number; durationMs: number }, spanMs: number): number {
  return points === 1 ? Math.ceil(spanMs / durationMs) : points * (Math.ceil(spanMs / durationMs) + 1);
}

describe("windowFor", () => {
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
