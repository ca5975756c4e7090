import type { CSSProperties } from "react";

/** Tailwind's widths, narrowest first; "base" is below `sm`. */
export const BREAKPOINTS = ["base", "sm", "md", "lg", "xl", "2xl"] as const;
export type Breakpoint = (typeof BREAKPOINTS)[number];

/** What the grid needs of a column: from which width it shows, and its track at each width (the narrower one's until it changes). */
export interface GridColumn {
  from?: "md" | "lg" | "xl" | "2xl";
  tracks: Partial<Record<Breakpoint, string>>;
}

/** The class that hides a column below its width: written out whole, so that Tailwind finds it. */
export const HIDE_BELOW: Record<NonNullable<GridColumn["from"]>, string> = {
  md: "max-md:hidden",
  lg: "max-lg:hidden",
  xl: "max-xl:hidden",
  "2xl": "max-2xl:hidden",
};

/**
 * Each width's grid template lists exactly the columns shown there, in the reader's order; the
 * templates travel as custom properties (gridStyle), which the header, the rows and the skeleton inherit.
 */
export const GRID_CLASS =
  "grid-cols-(--grid-base) sm:grid-cols-(--grid-sm) md:grid-cols-(--grid-md) lg:grid-cols-(--grid-lg) xl:grid-cols-(--grid-xl) 2xl:grid-cols-(--grid-2xl)";

function trackAt(column: GridColumn, width: number): string {
  for (let at = width; at >= 0; at--) {
    const track = column.tracks[BREAKPOINTS[at]];
    if (track) return track;
  }
  return Object.values(column.tracks)[0] ?? "minmax(0,1fr)";
}

/** The template of every width for these columns, in this order. */
export function gridTemplates(columns: readonly GridColumn[]): Record<Breakpoint, string> {
  return Object.fromEntries(BREAKPOINTS.map((name, width) => {
    const shown = columns.filter((column) => BREAKPOINTS.indexOf(column.from ?? "base") <= width);
    return [name, shown.map((column) => trackAt(column, width)).join(" ")];
  })) as Record<Breakpoint, string>;
}

/** The custom properties GRID_CLASS reads, for the element around the grids. */
export function gridStyle(columns: readonly GridColumn[]): CSSProperties {
  const templates = gridTemplates(columns);
  return Object.fromEntries(BREAKPOINTS.map((name) => [`--grid-${name}`, templates[name]])) as CSSProperties;
}
