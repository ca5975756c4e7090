"use client";
import { useCallback, useSyncExternalStore } from "react";
import { DEFAULT_TABLE_PREFS, parseTablePrefs, type TablePrefs } from "./table-prefs";

/**
 * Where this browser keeps the task table's layout: a preference of the reader, not part of the
 * view, so never in the URL (a link shows its receiver's own columns). The version is in the key:
 * a later shape gets a key of its own instead of misreading this one.
 */
export const TABLE_PREFS_KEY = "vod-dashboard.table.v1";

const listeners = new Set<() => void>();
let cached: { text: string | null; prefs: TablePrefs } = { text: null, prefs: DEFAULT_TABLE_PREFS };

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab changing the layout.
  const onStorage = (event: StorageEvent) => {
    if (event.key === TABLE_PREFS_KEY || event.key === null) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function snapshot(): TablePrefs {
  let text: string | null = null;
  try {
    text = localStorage.getItem(TABLE_PREFS_KEY);
  } catch {
    // Storage refused (a privacy mode): the default layout.
  }
  if (text !== cached.text) cached = { text, prefs: parseTablePrefs(text) };
  return cached.prefs;
}

function write(prefs: TablePrefs | null): void {
  try {
    if (prefs) localStorage.setItem(TABLE_PREFS_KEY, JSON.stringify(prefs));
    else localStorage.removeItem(TABLE_PREFS_KEY);
  } catch {
    // Not kept: the layout still changes for this page (below), just not for the next.
    cached = { text: cached.text, prefs: prefs ?? DEFAULT_TABLE_PREFS };
  }
  for (const notify of listeners) notify();
}

/**
 * This browser's table layout. The server's render, and the browser's first (which must repeat
 * it), use the default layout; the stored one follows right after hydration.
 */
export function useTablePrefs(): { prefs: TablePrefs; change: (update: (prefs: TablePrefs) => TablePrefs) => void; reset: () => void } {
  const prefs = useSyncExternalStore(subscribe, snapshot, () => DEFAULT_TABLE_PREFS);
  const change = useCallback((update: (prefs: TablePrefs) => TablePrefs) => write(update(snapshot())), []);
  const reset = useCallback(() => write(null), []);
  return { prefs, change, reset };
}
