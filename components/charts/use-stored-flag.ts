"use client";
import { useSyncExternalStore } from "react";

const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A yes/no preference of this browser (not of the view, so not in the URL), such as "charts hidden". */
export function useStoredFlag(key: string, fallback: boolean): [boolean, (value: boolean) => void] {
  const read = () => {
    const stored = localStorage.getItem(key);
    return stored === null ? fallback : stored === "1";
  };
  const value = useSyncExternalStore(subscribe, read, () => fallback);
  const set = (next: boolean) => {
    localStorage.setItem(key, next ? "1" : "0");
    for (const notify of listeners) notify();
  };
  return [value, set];
}
