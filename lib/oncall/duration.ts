import type { ParamKind } from "@/lib/filters/param-kinds";

const UNITS = [["h", 3_600], ["m", 60], ["s", 1]] as const;
const DURATION = /^(?:(\d{1,5})h)?(?:(\d{1,5})m)?(?:(\d{1,6})s)?$/;

/** "30s", "10m", "1h", "1h30m" → seconds; null for anything else (an empty string included). */
export function parseDurationParam(raw: string): number | null {
  const match = DURATION.exec(raw.trim());
  if (!match || raw.trim() === "") return null;
  const [, h = "0", m = "0", s = "0"] = match;
  return Number(h) * 3_600 + Number(m) * 60 + Number(s);
}

/** Seconds → the shortest spelling parseDurationParam reads back: 90 → "1m30s", 3600 → "1h". */
export function formatDurationParam(seconds: number): string {
  let rest = Math.max(0, Math.round(seconds));
  if (rest === 0) return "0s";
  let text = "";
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (count > 0) text += `${count}${unit}`;
  }
  return text;
}

/**
 * A duration parameter between `min` and `max` seconds. Seconds are allowed so that a test (or a
 * team with a fast pipeline) can set an SLO of 30s; the 72-hour ceiling is the mirror's window.
 */
export function durationParam(min: number, max: number): ParamKind<number> {
  return {
    parse: (raw) => {
      const seconds = parseDurationParam(raw);
      return seconds !== null && seconds >= min && seconds <= max ? seconds : null;
    },
    serialize: formatDurationParam,
    expected: `a duration from ${formatDurationParam(min)} to ${formatDurationParam(max)} such as 30s, 10m, 1h or 1h30m`,
  };
}
