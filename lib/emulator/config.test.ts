import { describe, expect, it } from "vitest";
import { ConfigError, loadEmulatorConfig } from "./config";

describe("loadEmulatorConfig", () => {
  it("has the documented defaults", () => {
    expect(loadEmulatorConfig({})).toEqual({
      port: 4510,
      seed: 1,
      tasksPerHour: 600,
      keys: { AKIDemulator: "emulator-secret" },
      subApps: [1500000001, 1500000002],
    });
  });

  it("reads every variable", () => {
    const c = loadEmulatorConfig({
      VOD_EMULATOR_PORT: "0",
      VOD_EMULATOR_SEED: "42",
      VOD_EMULATOR_TASKS_PER_HOUR: "14000",
      VOD_EMULATOR_KEYS: "AKIDa:ka, AKIDb:k:b",
      VOD_EMULATOR_SUBAPPS: "7",
    });
    expect(c).toEqual({ port: 0, seed: 42, tasksPerHour: 14000, keys: { AKIDa: "ka", AKIDb: "k:b" }, subApps: [7] });
  });

  it.each([
    ["VOD_EMULATOR_PORT", "70000"],
    ["VOD_EMULATOR_SEED", "abc"],
    ["VOD_EMULATOR_TASKS_PER_HOUR", "-5"],
    ["VOD_EMULATOR_KEYS", "no-colon"],
    ["VOD_EMULATOR_SUBAPPS", "1,1"],
  ])("rejects a bad %s with a message naming it", (name, value) => {
    expect(() => loadEmulatorConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadEmulatorConfig({ [name]: value })).toThrow(name);
  });
});
