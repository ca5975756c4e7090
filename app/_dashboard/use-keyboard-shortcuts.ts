"use client";
import { useEffect, useRef } from "react";

export interface Shortcuts {
  focusSearch: () => void;
  next: () => void;
  previous: () => void;
  open: () => void;
  close: () => void;
  togglePause: () => void;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName);
}

/** `/` search, `j`/`k` rows, Enter open, Esc close, `p` pause; letters are ignored while typing in a field. */
export function useKeyboardShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  useEffect(() => {
    latest.current = shortcuts;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      const actions = latest.current;
      if (event.key === "Escape") return actions.close();
      if (isTyping(event.target)) return;
      // Enter on a focused button or link belongs to that control.
      if (event.key === "Enter" && event.target instanceof HTMLElement && event.target.closest("button, a")) return;
      const action = { "/": actions.focusSearch, j: actions.next, k: actions.previous, Enter: actions.open, p: actions.togglePause }[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
