"use client";
import { useCallback, useSyncExternalStore } from "react";
import { readStoredViews, withView, type SavedView } from "@/lib/filters/saved-views";

/** Where this browser keeps its named views (its own, not the team's: those come from the configuration). */
export const SAVED_VIEWS_KEY = "vod-dashboard.saved-views";

const listeners = new Set<() => void>();
const NONE: SavedView[] = [];
let cached: { text: string | null; views: SavedView[] } = { text: null, views: NONE };

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab saving or deleting a view.
  const onStorage = (event: StorageEvent) => {
    if (event.key === SAVED_VIEWS_KEY) listener();
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

function snapshot(): SavedView[] {
  let text: string | null = null;
  try {
    text = localStorage.getItem(SAVED_VIEWS_KEY);
  } catch {
    // Storage refused (a privacy mode): no views of its own.
  }
  if (text !== cached.text) cached = { text, views: readStoredViews(text) };
  return cached.views;
}

function write(views: SavedView[]): boolean {
  try {
    localStorage.setItem(SAVED_VIEWS_KEY, JSON.stringify(views));
  } catch {
    return false;
  }
  for (const notify of listeners) notify();
  return true;
}

/** This browser's named views, newest first, with save (replacing a view of the same name) and remove. */
export function useSavedViews(): { views: SavedView[]; save: (view: SavedView) => boolean; remove: (name: string) => void } {
  const views = useSyncExternalStore(subscribe, snapshot, () => NONE);
  const save = useCallback((view: SavedView) => write(withView(snapshot(), view)), []);
  const remove = useCallback((name: string) => void write(snapshot().filter((view) => view.name !== name)), []);
  return { views, save, remove };
}
