import { describe, expect, it } from "vitest";
import { presetOf, presetsFor, TIME_PRESETS } from "./time-presets";

describe("time presets", () => {
  it("offers a week and a month only when the store keeps that long", () => {
    expect(presetsFor(3).map((preset) => preset.value)).toEqual(["now-15m", "now-1h", "now-6h", "now-24h", "now-72h"]);
    expect(presetsFor(7).map((preset) => preset.value)).toContain("now-7d");
    expect(presetsFor(7).map((preset) => preset.value)).not.toContain("now-30d");
    expect(presetsFor(30)).toEqual(TIME_PRESETS);
  });

  it("recognises a preset however it is spelt, and only an open-ended one", () => {
    expect(presetOf("now-3d", null)?.label).toBe("Last 3 days");
    expect(presetOf("now-60m", null)?.value).toBe("now-1h");
    expect(presetOf("now-1d", null)?.value).toBe("now-24h");
    expect(presetOf("now-2h", null)).toBeNull();
    expect(presetOf("now-1h", "now")).toBeNull();
    expect(presetOf("2026-12-01T00:00:00Z", null)).toBeNull();
    expect(presetOf(null, null)).toBeNull();
    expect(presetOf("now-30d", null, presetsFor(7))).toBeNull();
  });
});
