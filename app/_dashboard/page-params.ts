import { createParser, parseAsStringLiteral } from "nuqs";
import { isValidTimeZone } from "@/lib/client/format-time";
import { isTaskId } from "@/lib/model/task-id";
import { DEFAULT_REFRESH, REFRESH_CHOICES, refreshMs, type Refresh } from "@/lib/model/refresh";

/**
 * The `/` page's own URL parameters, next to the shared filters of lib/filters: how often to
 * refresh, which zone to show times in, and which task's detail is open.
 */

/** TanStack Query's refetchInterval: false while paused or off. */
export function refreshIntervalMs(refresh: Refresh, paused: boolean): number | false {
  return paused ? false : (refreshMs(refresh) ?? false);
}

/** `local`, `UTC` or any IANA zone Intl knows; anything else reads as absent, i.e. local. */
export function parseTimeZone(raw: string): string | null {
  return raw !== "" && isValidTimeZone(raw) ? raw : null;
}

export const pageUrlParsers = {
  refresh: parseAsStringLiteral(REFRESH_CHOICES).withDefault(DEFAULT_REFRESH),
  tz: createParser({ parse: parseTimeZone, serialize: (zone: string) => zone }).withDefault("local"),
  task: createParser({ parse: (raw: string) => (isTaskId(raw) ? raw : null), serialize: (id: string) => id }),
};

/** Zones offered in the picker; any other IANA zone still works when typed into the URL. */
export const SUGGESTED_ZONES = ["local", "UTC", "Asia/Shanghai", "Asia/Singapore", "Europe/London", "America/New_York", "America/Los_Angeles"];
