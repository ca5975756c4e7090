import { describe, expect, it } from "vitest";
import { PeakRate } from "./peak-rate";

describe("PeakRate", () => {
  it("keeps the most requests seen in any sliding second", () => {
    let t = 0;
    const peak = new PeakRate(() => t);
    for (const at of [0, 100, 900, 950, 1_050, 1_060, 1_070, 2_500]) {
      t = at;
      peak.record();
    }
    // 100, 900, 950, 1050, 1060, 1070 lie within one second (100 to 1099).
    expect(peak.peak).toBe(6);
  });
});
