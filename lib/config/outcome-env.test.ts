import { describe, expect, it } from "vitest";
import { readOutcomeLookupsPerHour } from "./outcome-env";

describe("VOD_OUTCOME_LOOKUPS_PER_HOUR", () => {
  it("defaults to 27% of VOD_MAX_RPS", () => {
    expect(readOutcomeLookupsPerHour({}, 50)).toBe(48_600);
    expect(readOutcomeLookupsPerHour({ VOD_OUTCOME_LOOKUPS_PER_HOUR: " " }, 100)).toBe(97_200);
  });

  it("takes 0 (off) up to the system's reserved 30% of VOD_MAX_RPS", () => {
    expect(readOutcomeLookupsPerHour({ VOD_OUTCOME_LOOKUPS_PER_HOUR: "0" }, 50)).toBe(0);
    expect(readOutcomeLookupsPerHour({ VOD_OUTCOME_LOOKUPS_PER_HOUR: "54000" }, 50)).toBe(54_000);
  });

  it("refuses anything else, naming the variable without repeating the value", () => {
    for (const bad of ["54001", "-1", "1.5", "fast"]) {
      expect(() => readOutcomeLookupsPerHour({ VOD_OUTCOME_LOOKUPS_PER_HOUR: bad }, 50)).toThrow(/^Invalid configuration: VOD_OUTCOME_LOOKUPS_PER_HOUR must be a whole number from 0 to 54000/);
    }
  });
});
