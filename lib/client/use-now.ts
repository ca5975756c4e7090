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

// 0 on the server and while hydrating: clock-dependent text waits for the browser's clock.
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => 0);
}

/**
 * Text that depends on the clock, such as "12s ago". The component re-renders only when the
 * text changes, not on every tick: a table of "3d ago" cells costs nothing per second.
 * `format` gets the current time; `pending` is shown on the server and while hydrating.
 */
export function useClockText(format: (nowMs: number) => string, pending: string): string {
  return useSyncExternalStore(subscribe, () => format(now), () => pending);
}
