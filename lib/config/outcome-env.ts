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

let cached: number | undefined;

/** The configured pace, read once per process. */
export function outcomeLookupsPerHour(): number {
  cached ??= readOutcomeLookupsPerHour(process.env, serverEnv().maxRps);
  return cached;
}
