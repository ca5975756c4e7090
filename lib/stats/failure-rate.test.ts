import { describe, expect, it } from "vitest";
import { failureRateSeries, overallFailureRate } from "./failure-rate";

const bucket = (start: string, known: number, failed: number) => ({ start, known, failed });

describe("failure rate", () => {
  it("is failed over known per bucket, and a gap (null) where no outcome is known", () => {
    expect(failureRateSeries([bucket("a", 4, 1), bucket("b", 0, 0), bucket("c", 2, 2)]).map((point) => point.ratePct)).toEqual([25, null, 100]);
  });

  it("over the window weighs each bucket by its known outcomes, not by bucket", () => {
    expect(overallFailureRate([bucket("a", 9, 0), bucket("b", 1, 1)])).toBe(10);
    expect(overallFailureRate([bucket("a", 0, 0)])).toBeNull();
    expect(overallFailureRate([])).toBeNull();
  });
});
