/**
 * Times as the table shows them: absolute in the chosen zone ("local", "UTC" or an IANA zone),
 * with a relative age beside them. null means "not yet" and is said so, never as year 1 or NaN.
 */

export const NOT_YET = "Not yet";

// Constructing a DateTimeFormat is what checks a zone, and it is slow: each name is checked once.
const zoneValidity = new Map<string, boolean>();
const MAX_ZONES_REMEMBERED = 64;

export function isValidTimeZone(zone: string): boolean {
  if (zone === "local") return true;
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    // Zones come from URLs: a bounded memory, so that a stream of made-up names cannot grow it.
    if (zoneValidity.size >= MAX_ZONES_REMEMBERED) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/** The zone to hand to Intl: undefined means the browser's own; an unknown zone falls back to it. */
export function resolveZone(zone: string): string | undefined {
  return zone === "local" || !isValidTimeZone(zone) ? undefined : zone;
}

// Creating a DateTimeFormat costs far more than using one, and a table formats hundreds of times a second.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string | undefined): Intl.DateTimeFormat {
  const key = zone ?? "";
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23",
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

function wallParts(ms: number, zone: string | undefined): Record<string, string> {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(zone).formatToParts(ms)) parts[part.type] = part.value;
  return parts;
}

function toMs(iso: string | null): number | null {
  if (!iso) return null;
  const ms = Date.parse(iso);
  return Number.isFinite(ms) ? ms : null;
}

/**
 * Formatted timestamps of the current zone, by ISO text. A scrolled table formats the same few
 * thousand times over and over, and formatToParts allocates a dozen objects per call.
 */
const stamps = { zone: "" as string | undefined, texts: new Map<string, string>() };
export const MAX_STAMPS_REMEMBERED = 20_000;

/** `2026-11-28 21:57:15` in the zone, or "Not yet". */
export function formatTimestamp(iso: string | null, zone: string | undefined): string {
  if (!iso) return NOT_YET;
  if (stamps.zone !== zone || stamps.texts.size >= MAX_STAMPS_REMEMBERED) {
    stamps.zone = zone;
    stamps.texts.clear();
  }
  let text = stamps.texts.get(iso);
  if (text === undefined) {
    const ms = toMs(iso);
    if (ms === null) return NOT_YET;
    const p = wallParts(ms, zone);
    text = `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
    stamps.texts.set(iso, text);
  }
  return text;
}

/** `HH:mm:ss` only, for places where the day is obvious (the "updated" clock). */
export function formatClock(ms: number, zone: string | undefined): string {
  const p = wallParts(ms, zone);
  return `${p.hour}:${p.minute}:${p.second}`;
}

/** "just now", "12s ago", "5m ago", "3h ago", "2d ago"; "" for not yet. */
export function formatAge(iso: string | null, nowMs: number): string {
  const ms = toMs(iso);
  if (ms === null) return "";
  return formatAgeMs(nowMs - ms);
}

export function formatAgeMs(elapsedMs: number): string {
  // A few seconds in the future is clock skew between this browser and the server, not a prophecy.
  if (elapsedMs < 1_000) return "just now";
  const seconds = Math.floor(elapsedMs / 1_000);
  if (seconds < 60) return `${seconds}s ago`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)}m ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)}h ago`;
  return `${Math.floor(seconds / 86_400)}d ago`;
}

const pad = (value: number) => String(value).padStart(2, "0");

/** "0s", "<1s", "45s", "2m 05s", "1h 02m", "2d 03h"; "—" when there is no duration. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return "—";
  const clamped = Math.max(0, ms);
  // Upstream times have whole seconds, so a sub-second duration is 0 s or a sub-second from the live clock.
  if (clamped < 1_000) return clamped === 0 ? "0s" : "<1s";
  const seconds = Math.floor(clamped / 1_000);
  if (seconds < 60) return `${seconds}s`;
  if (seconds < 3_600) return `${Math.floor(seconds / 60)}m ${pad(seconds % 60)}s`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3_600)}h ${pad(Math.floor(seconds / 60) % 60)}m`;
  return `${Math.floor(seconds / 86_400)}d ${pad(Math.floor(seconds / 3_600) % 24)}h`;
}

/** Milliseconds from one time to the other; null while either has not happened. */
export function between(from: string | null, to: string | null): number | null {
  const start = toMs(from);
  const end = toMs(to);
  return start === null || end === null ? null : end - start;
}

/** "UTC+8", "UTC", "UTC-5:30": the zone's offset at a moment, for labels. */
export function zoneOffsetLabel(zone: string | undefined, atMs: number): string {
  const minutes = Math.round(zoneOffsetMs(atMs, zone) / 60_000);
  if (minutes === 0) return "UTC";
  const sign = minutes > 0 ? "+" : "-";
  const abs = Math.abs(minutes);
  return `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${pad(abs % 60)}` : ""}`;
}

/** How far the zone's wall clock is ahead of UTC at a moment. */
function zoneOffsetMs(atMs: number, zone: string | undefined): number {
  const p = wallParts(atMs, zone);
  const wallAsUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return wallAsUtc - Math.floor(atMs / 1_000) * 1_000;
}

/** `YYYY-MM-DDTHH:mm` (a datetime-local input's value) for a moment, in the zone. */
export function toWallTime(ms: number, zone: string | undefined): string {
  const p = wallParts(ms, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** The moment a wall time means in the zone; null for a value that is not one. */
export function fromWallTime(wall: string, zone: string | undefined): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number);
  const guess = Date.UTC(y, mo - 1, d, h, mi, Number.isFinite(s) ? s : 0);
  // Two passes settle the offset on either side of a daylight-saving change.
  const first = guess - zoneOffsetMs(guess, zone);
  return guess - zoneOffsetMs(first, zone);
}

const ISO_IN_TEXT = /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})\b/g;

/**
 * A server's sentence with its times as the page writes them: every ISO timestamp in `text`
 * ("showing data as of 2026-12-02T07:25:23.532Z") becomes `2026-12-02 15:25:23` in the zone.
 * Text that is not a valid time is left as it was.
 */
export function localizeTimes(text: string, zone: string | undefined): string {
  return text.replace(ISO_IN_TEXT, (iso) => (toMs(iso) === null ? iso : formatTimestamp(iso, zone)));
}
