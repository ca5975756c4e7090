import { createParser, parseAsStringLiteral } from "nuqs";
import { isValidTimeZone } from "@/lib/client/format-time";

/**
 * The `/` page's own URL parameters, next to the shared filters of lib/filters: how often to
 * refresh, which zone to show times in, and which task's detail is open.
 */
export const REFRESH_CHOICES = ["off", "5s", "10s", "30s", "1m"] as const;
export type Refresh = (typeof REFRESH_CHOICES)[number];
/** Ten seconds: fresh enough to watch a queue move, and one upstream call per viewer per 10 s. */
export const DEFAULT_REFRESH: Refresh = "10s";

const REFRESH_MS: Record<Refresh, number | false> = { off: false, "5s": 5_000, "10s": 10_000, "30s": 30_000, "1m": 60_000 };

export function refreshIntervalMs(refresh: Refresh, paused: boolean): number | false {
  return paused ? false : REFRESH_MS[refresh];
}

export function parseRefresh(raw: string): Refresh | null {
  return (REFRESH_CHOICES as readonly string[]).includes(raw) ? (raw as Refresh) : null;
}

/** `local`, `UTC` or any IANA zone Intl knows; anything else reads as absent, i.e. local. */
export function parseTimeZone(raw: string): string | null {
  return raw !== "" && isValidTimeZone(raw) ? raw : null;
}

const TASK_ID = /^[\w.:-]{1,128}$/;

export function parseTaskId(raw: string): string | null {
  return TASK_ID.test(raw) ? raw : null;
}

export const pageUrlParsers = {
  refresh: parseAsStringLiteral(REFRESH_CHOICES).withDefault(DEFAULT_REFRESH),
  tz: createParser({ parse: parseTimeZone, serialize: (zone: string) => zone }).withDefault("local"),
  task: createParser({ parse: parseTaskId, serialize: (id: string) => id }),
};

/** Zones offered in the picker; any other IANA zone still works when typed into the URL. */
export const SUGGESTED_ZONES = ["local", "UTC", "Asia/Shanghai", "Asia/Singapore", "Europe/London", "America/New_York", "America/Los_Angeles"];
