"use client";
import { useSyncExternalStore } from "react";

/**
 * One shared one-second clock for every "3s ago" and live elapsed time on the page: a single
 * timer instead of one per cell, and every cell ticks in step.
 */
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const notify of listeners) notify();
    }, 1_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// The server renders no clock-dependent text (the dashboard renders in the browser), so 0 is never shown.
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => 0);
}
