"use client";
import { useSyncExternalStore } from "react";

/** Below Tailwind's `sm`: a phone, where the task list is a list of cards. */
export const PHONE_QUERY = "(max-width: 639.98px)";

/**
 * Whether a CSS media query matches, kept current. The server's render (and the browser's first,
 * which must repeat it) says false: the server has no screen and renders the laptop's layout.
 */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = matchMedia(query);
      list.addEventListener("change", onChange);
      return () => list.removeEventListener("change", onChange);
    },
    () => matchMedia(query).matches,
    () => false,
  );
}
