import { parseTimeExpression } from "./time-expression";

export interface TimePreset {
  /** The relative `…After` value the URL holds. */
  value: string;
  label: string;
  /** Offered only when the dashboard keeps at least this many days (VOD_HISTORY_DAYS). */
  needsDays?: number;
}

/**
 * The quick choices of every time filter: relative to now, so a shared link keeps meaning "the
 * last hour". Three days is upstream's own window (kept as `now-72h`, the spelling links already
 * carry); a week and a month come from the task store, when it keeps that much.
 */
export const TIME_PRESETS: readonly TimePreset[] = [
  { value: "now-15m", label: "Last 15 min" },
  { value: "now-1h", label: "Last hour" },
  { value: "now-6h", label: "Last 6 hours" },
  { value: "now-24h", label: "Last 24 hours" },
  { value: "now-72h", label: "Last 3 days" },
  { value: "now-7d", label: "Last 7 days", needsDays: 7 },
  { value: "now-30d", label: "Last 30 days", needsDays: 30 },
];

/** The presets a dashboard keeping `historyDays` days can answer. */
export function presetsFor(historyDays: number): TimePreset[] {
  return TIME_PRESETS.filter((preset) => (preset.needsDays ?? 0) <= historyDays);
}

/**
 * The preset a range is, if it is one: an open-ended relative start of the same length, however
 * it is spelt (`now-3d` is "Last 3 days", `now-60m` "Last hour"). Null for anything else.
 */
export function presetOf(after: string | null, before: string | null, presets: readonly TimePreset[] = TIME_PRESETS): TimePreset | null {
  if (after === null || before !== null) return null;
  const offset = relativeOffset(after);
  if (offset === null) return null;
  return presets.find((preset) => relativeOffset(preset.value) === offset) ?? null;
}

function relativeOffset(text: string): number | null {
  const expression = parseTimeExpression(text);
  return expression?.kind === "relative" ? expression.offsetMs : null;
}
