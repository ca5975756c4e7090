/**
 * The bundled emulator's defaults (CONTRACT §3), defined once: the emulator starts with them and
 * the dashboard, in emulator mode, finds it with them.
 */
export const EMULATOR_DEFAULTS = {
  port: 4510,
  seed: 1,
  tasksPerHour: 600,
  /** `id:key[,id:key...]`; the dashboard signs with the first. */
  keys: "AKIDemulator:emulator-secret",
  subApps: "1500000001,1500000002",
} as const;
