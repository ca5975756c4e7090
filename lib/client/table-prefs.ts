import { COLUMN_IDS, isColumnId, LOCKED_COLUMN, type ColumnId } from "./table-columns";

export type Density = "comfortable" | "compact";

/** How this browser lays out the task table: the columns' order, those hidden, and the rows' density. */
export interface TablePrefs {
  order: readonly ColumnId[];
  hidden: readonly ColumnId[];
  density: Density;
}

export const DEFAULT_TABLE_PREFS: TablePrefs = { order: COLUMN_IDS, hidden: [], density: "comfortable" };

/**
 * The preferences as localStorage kept them. Whatever is there (another version's shape, a hand
 * edit, garbage) gives a usable layout, never an exception: unknown column ids are dropped,
 * columns the stored order lacks (added since it was saved) are appended, the task ID stays shown.
 */
export function parseTablePrefs(text: string | null): TablePrefs {
  if (!text) return DEFAULT_TABLE_PREFS;
  let stored: unknown;
  try {
    stored = JSON.parse(text);
  } catch {
    return DEFAULT_TABLE_PREFS;
  }
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return DEFAULT_TABLE_PREFS;
  const { order, hidden, density } = stored as Record<string, unknown>;
  const known = new Set(Array.isArray(order) ? order.filter(isColumnId) : []);
  return {
    order: [...known, ...COLUMN_IDS.filter((id) => !known.has(id))],
    hidden: COLUMN_IDS.filter((id) => id !== LOCKED_COLUMN && Array.isArray(hidden) && hidden.includes(id)),
    density: density === "compact" ? "compact" : "comfortable",
  };
}

/** The columns shown, in their order. */
export function visibleColumns(prefs: TablePrefs): ColumnId[] {
  return prefs.order.filter((id) => !prefs.hidden.includes(id));
}

export function withColumnShown(prefs: TablePrefs, id: ColumnId, shown: boolean): TablePrefs {
  if (id === LOCKED_COLUMN) return prefs;
  const others = prefs.hidden.filter((hiddenId) => hiddenId !== id);
  return { ...prefs, hidden: shown ? others : [...others, id] };
}

/** Swaps a column with its neighbour before (-1) or after (1) it; at either end, nothing changes. */
export function withColumnMoved(prefs: TablePrefs, id: ColumnId, step: -1 | 1): TablePrefs {
  const from = prefs.order.indexOf(id);
  const to = from + step;
  if (from === -1 || to < 0 || to >= prefs.order.length) return prefs;
  const order = [...prefs.order];
  [order[from], order[to]] = [order[to], order[from]];
  return { ...prefs, order };
}
