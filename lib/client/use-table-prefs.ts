"use client";
import { useCallback, useSyncExternalStore } from "react";
import { storedValue } from "./stored-value";
import { DEFAULT_TABLE_PREFS, parseTablePrefs, type TablePrefs } from "./table-prefs";

/**
 * Where this browser keeps the task table's layout: a preference of the reader, not part of the
 * view, so never in the URL (a link shows its receiver's own columns). The version is in the key:
 * a later shape gets a key of its own instead of misreading this one.
 */
export const TABLE_PREFS_KEY = "vod-dashboard.table.v1";

// A layout the browser refuses to keep still changes this page, just not the next.
const stored = storedValue(TABLE_PREFS_KEY, parseTablePrefs, { keepUnsaved: true });

/**
 * This browser's table layout. The server's render, and the browser's first (which must repeat
 * it), use the default layout; the stored one follows right after hydration.
 */
export function useTablePrefs(): { prefs: TablePrefs; change: (update: (prefs: TablePrefs) => TablePrefs) => void; reset: () => void } {
  const prefs = useSyncExternalStore(stored.subscribe, stored.read, () => DEFAULT_TABLE_PREFS);
  const change = useCallback((update: (prefs: TablePrefs) => TablePrefs) => void stored.write(update(stored.read())), []);
  const reset = useCallback(() => void stored.write(null), []);
  return { prefs, change, reset };
}
