"use client";
import { useCallback, useSyncExternalStore } from "react";
import { readStoredViews, withView, type SavedView } from "@/lib/filters/saved-views";
import { storedValue } from "./stored-value";

/** Where this browser keeps its named views (its own, not the team's: those come from the configuration). */
export const SAVED_VIEWS_KEY = "vod-dashboard.saved-views";

const NONE: SavedView[] = [];
const stored = storedValue(SAVED_VIEWS_KEY, readStoredViews);

/** This browser's named views, newest first, with save (replacing a view of the same name) and remove. */
export function useSavedViews(): { views: SavedView[]; save: (view: SavedView) => boolean; remove: (name: string) => void } {
  const views = useSyncExternalStore(stored.subscribe, stored.read, () => NONE);
  const save = useCallback((view: SavedView) => stored.write(withView(stored.read(), view)), []);
  const remove = useCallback((name: string) => void stored.write(stored.read().filter((view) => view.name !== name)), []);
  return { views, save, remove };
}
