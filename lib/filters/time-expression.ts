import { isoSeconds } from "@/lib/model/iso-time";
/**
 * A point in time as users write it in a URL: ISO 8601 (`2026-11-28T13:57:15Z`) or relative to
 * now (`now`, `now-15m`, `now-6h`, `now-3d`). Relative values stay relative in the URL so that a
 * shared link keeps meaning "the last six hours"; "Freeze" turns them absolute.
 */
export type TimeExpression = { kind: "relative"; offsetMs: number } | { kind: "absolute"; ms: number };

const RELATIVE = /^now(?:-(\d{1,6})([smhd]))?$/;
const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
// Date and time with an explicit zone, or a bare date (read as UTC midnight).
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):?(\d{2})))?$/;
const EARLIEST = Date.UTC(2000, 0, 1);
const LATEST = Date.UTC(2100, 0, 1);
/** Ten years: a relative time further back than that is a typo, not a window (now-99999d). */
const MAX_OFFSET_MS = 3_650 * 86_400_000;

/** Date.parse rolls 2026-02-30 over to March 2 and reads 24:00 as the next day: a real calendar does not. */
function isCalendarTime(match: RegExpExecArray): boolean {
  const [, year, month, day, hour = "0", minute = "0", second = "0", zoneHours = "0", zoneMinutes = "0"] = match;
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return date.getUTCFullYear() === Number(year) && date.getUTCMonth() === Number(month) - 1 && date.getUTCDate() === Number(day)
    && Number(hour) <= 23 && Number(minute) <= 59 && Number(second) <= 59 && Number(zoneHours) <= 14 && Number(zoneMinutes) <= 59;
}

export function parseTimeExpression(text: string): TimeExpression | null {
  const relative = RELATIVE.exec(text);
  if (relative) {
    const offsetMs = relative[1] ? Number(relative[1]) * UNIT_MS[relative[2]] : 0;
    return offsetMs <= MAX_OFFSET_MS ? { kind: "relative", offsetMs } : null;
  }
  const iso = ISO.exec(text);
  if (!iso || !isCalendarTime(iso)) return null;
  const ms = Date.parse(text);
  if (!Number.isFinite(ms) || ms < EARLIEST || ms >= LATEST) return null;
  return { kind: "absolute", ms };
}

export function resolveTime(expression: TimeExpression, nowMs: number): number {
  return expression.kind === "absolute" ? expression.ms : nowMs - expression.offsetMs;
}

/** The absolute spelling of an expression, as "Freeze" writes it into the URL. */
export function freezeTimeText(text: string, nowMs: number): string {
  const expression = parseTimeExpression(text);
  if (!expression) return text;
  return isoSeconds(resolveTime(expression, nowMs));
}
