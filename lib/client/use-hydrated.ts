"use client";
import { useSyncExternalStore } from "react";

const never = () => () => {};

/**
 * False on the server and during hydration, true once the page runs in the browser: for what
 * only the browser knows (its time zone), so that the first browser render matches the server's.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(never, () => true, () => false);
}
