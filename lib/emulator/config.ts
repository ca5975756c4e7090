// The emulator's environment variables (CONTRACT section 3), parsed once with zod.
import { z } from "zod";
import { EMULATOR_DEFAULTS } from "../config/emulator-defaults";

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^-?\d+$/, `${name} must be an integer`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `${name} must be between ${min} and ${max}`);

const envSchema = z.object({
  VOD_EMULATOR_PORT: integer("VOD_EMULATOR_PORT", 0, 65535).default(EMULATOR_DEFAULTS.port),
  VOD_EMULATOR_SEED: integer("VOD_EMULATOR_SEED", 0, 0xffffffff).default(EMULATOR_DEFAULTS.seed),
  VOD_EMULATOR_TASKS_PER_HOUR: z
    .string()
    .trim()
    .regex(/^\d+(\.\d+)?$/, "VOD_EMULATOR_TASKS_PER_HOUR must be a positive number")
    .transform(Number)
    .refine((n) => n > 0 && n <= 100_000, "VOD_EMULATOR_TASKS_PER_HOUR must be above 0 and at most 100000")
    .default(EMULATOR_DEFAULTS.tasksPerHour),
  VOD_EMULATOR_KEYS: z
    .string()
    .default(EMULATOR_DEFAULTS.keys)
    .transform((s, ctx) => {
      const keys: Record<string, string> = {};
      for (const pair of s.split(",").map((p) => p.trim()).filter(Boolean)) {
        const at = pair.indexOf(":");
        if (at <= 0 || at === pair.length - 1) {
          ctx.addIssue({ code: "custom", message: "VOD_EMULATOR_KEYS must be id:key[,id:key...]" });
          return z.NEVER;
        }
        keys[pair.slice(0, at)] = pair.slice(at + 1);
      }
      if (Object.keys(keys).length === 0) {
        ctx.addIssue({ code: "custom", message: "VOD_EMULATOR_KEYS must hold at least one id:key" });
        return z.NEVER;
      }
      return keys;
    }),
  VOD_EMULATOR_SUBAPPS: z
    .string()
    .default(EMULATOR_DEFAULTS.subApps)
    .transform((s, ctx) => {
      const parts = s.split(",").map((p) => p.trim());
      if (parts.length > 32 || parts.some((p) => !/^[1-9]\d{0,14}$/.test(p)) || new Set(parts).size !== parts.length) {
        ctx.addIssue({ code: "custom", message: "VOD_EMULATOR_SUBAPPS must be 1 to 32 distinct positive integers, comma-separated" });
        return z.NEVER;
      }
      return parts.map(Number);
    }),
});

export interface EmulatorConfig {
  port: number;
  seed: number;
  tasksPerHour: number;
  keys: Record<string, string>;
  subApps: number[];
}

export class ConfigError extends Error {}

/** Empty variables count as unset, as shells and .env files often leave them. */
export function loadEmulatorConfig(env: Record<string, string | undefined> = process.env): EmulatorConfig {
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith("VOD_EMULATOR_") && v !== ""));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => i.message).join("; "));
  const e = parsed.data;
  return {
    port: e.VOD_EMULATOR_PORT,
    seed: e.VOD_EMULATOR_SEED,
    tasksPerHour: e.VOD_EMULATOR_TASKS_PER_HOUR,
    keys: e.VOD_EMULATOR_KEYS,
    subApps: e.VOD_EMULATOR_SUBAPPS,
  };
}
