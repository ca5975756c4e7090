import { describe, expect, it } from "vitest";
import { readOutcomeIdleLookups, readOutcomeLookupsPerHour } from "./outcome-env";

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

describe("VOD_OUTCOME_IDLE_LOOKUPS", () => {
  it("defaults to 12 lookups per app beyond the share; 0 keeps the lookups to their share", () => {
    expect(readOutcomeIdleLookups({})).toBe(12);
    expect(readOutcomeIdleLookups({ VOD_OUTCOME_IDLE_LOOKUPS: " 0 " })).toBe(0);
    expect(readOutcomeIdleLookups({ VOD_OUTCOME_IDLE_LOOKUPS: "32" })).toBe(32);
  });

  it("refuses anything else, naming the variable", () => {
    for (const bad of ["33", "-1", "1.5", "many", "100"]) {
      expect(() => readOutcomeIdleLookups({ VOD_OUTCOME_IDLE_LOOKUPS: bad })).toThrow(/^Invalid configuration: VOD_OUTCOME_IDLE_LOOKUPS must be a whole number from 0 to 32$/);
    }
  });
});
