import { serverEnv } from "./server-env";

/** The system's reserved share of VOD_MAX_RPS (lib/vod/request-budget.ts): outcome lookups stay inside it. */
const RESERVED_SHARE = 0.3;
/**
 * By default the lookups' floor is 27 % of VOD_MAX_RPS: 13.5/s (48,600 an hour) at the default 50,
 * which alone knows a 600-an-hour account's whole window within an hour of a first start.
 */
const DEFAULT_SHARE = 0.27;

/**
 * VOD_OUTCOME_LOOKUPS_PER_HOUR: the background outcome lookups' guaranteed share, DescribeTaskDetail
 * calls an hour for all applications together, kept however busy the viewers are; beyond it the
 * lookups use only idle budget (lib/mirror/idle-lookup.ts). 0 turns them off. At most the system's
 * reserved share of VOD_MAX_RPS, so the share never takes what viewers are promised.
 */
export function readOutcomeLookupsPerHour(source: Record<string, string | undefined>, maxRps: number): number {
  const most = Math.floor(maxRps * RESERVED_SHARE * 3_600);
  const raw = source.VOD_OUTCOME_LOOKUPS_PER_HOUR?.trim();
  if (!raw) return Math.floor(maxRps * DEFAULT_SHARE * 3_600);
  const value = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 0 && value <= most)) {
    throw new Error(`Invalid configuration: VOD_OUTCOME_LOOKUPS_PER_HOUR must be a whole number from 0 to ${most} (30% of VOD_MAX_RPS, the share kept for the server's own work)`);
  }
  return value;
}

/** Each app's lookups in flight beyond the share by default: at Tencent's 100 to 200 ms a call, enough to spend what VOD_MAX_RPS leaves idle. */
const DEFAULT_IDLE_LOOKUPS = 12;
const MOST_IDLE_LOOKUPS = 32;

/**
 * VOD_OUTCOME_IDLE_LOOKUPS: how many lookups per app run beyond the share, on budget nobody else
 * wants (lib/mirror/idle-lookup.ts). 0 keeps the lookups to their share: for an account whose own
 * pipelines want the DescribeTaskDetail limit that this dashboard leaves idle.
 */
export function readOutcomeIdleLookups(source: Record<string, string | undefined>): number {
  const raw = source.VOD_OUTCOME_IDLE_LOOKUPS?.trim();
  if (!raw) return DEFAULT_IDLE_LOOKUPS;
  const value = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 0 && value <= MOST_IDLE_LOOKUPS)) {
    throw new Error(`Invalid configuration: VOD_OUTCOME_IDLE_LOOKUPS must be a whole number from 0 to ${MOST_IDLE_LOOKUPS}`);
  }
  return value;
}

let cached: { perHour: number; idle: number } | undefined;

function outcomeEnv(): { perHour: number; idle: number } {
  cached ??= { perHour: readOutcomeLookupsPerHour(process.env, serverEnv().maxRps), idle: readOutcomeIdleLookups(process.env) };
  return cached;
}

/** The configured pace, read once per process. */
export function outcomeLookupsPerHour(): number {
  return outcomeEnv().perHour;
}

/** The configured lookups beyond the share, per app, read once per process. */
export function outcomeIdleLookups(): number {
  return outcomeEnv().idle;
}
