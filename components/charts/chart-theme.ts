import { toWallTime } from "@/lib/client/format-time";

/** Axis and tooltip looks read CSS variables (globals.css), so the charts follow the theme without re-rendering. */
export const AXIS_TICK = { fill: "var(--chart-text)", fontSize: 11 };
export const GRID_STROKE = "var(--chart-grid)";
export const TOOLTIP_STYLE = {
  contentStyle: { background: "var(--chart-tooltip-bg)", border: "1px solid var(--chart-grid)", borderRadius: 6, fontSize: 12, color: "var(--chart-tooltip-text)" },
  labelStyle: { color: "var(--chart-tooltip-text)", fontWeight: 600 },
  // The series colour marks the line elsewhere; as text it may be too faint to read (WCAG contrast).
  itemStyle: { padding: 0, color: "var(--chart-tooltip-text)" },
  cursor: { fill: "var(--chart-cursor)" },
};
export const CHART_HEIGHT = 148;

/** Bucket labels in the view's zone: "14:00" within a day, "11-28 14:00" across days. */
export function bucketLabel(iso: string, zone: string | undefined, acrossDays: boolean): string {
  const wall = toWallTime(Date.parse(iso), zone);
  return acrossDays ? wall.slice(5).replace("T", " ") : wall.slice(11);
}

export function compactNumber(value: number): string {
  return Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** Seconds as a short duration for axes: 45s, 2.5m, 1.2h. */
export function shortSeconds(seconds: number): string {
  if (seconds < 90) return `${Math.round(seconds)}s`;
  if (seconds < 5_400) return `${(seconds / 60).toFixed(seconds < 600 ? 1 : 0)}m`;
  return `${(seconds / 3_600).toFixed(1)}h`;
}
