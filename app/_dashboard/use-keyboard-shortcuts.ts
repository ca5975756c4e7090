"use client";
import { useEffect, useRef } from "react";

export interface Shortcuts {
  focusSearch: () => void;
  /** `g`: the go-to box of the header (a TaskId, FileId or SessionId). */
  focusGoTo: () => void;
  /** `?`: the keyboard shortcuts. */
  help: () => void;
  next: () => void;
  previous: () => void;
  open: () => void;
  close: () => void;
  togglePause: () => void;
  /** Arrow keys move between rows too: while the detail is open, where they have nothing else to scroll but the detail. */
  arrows: boolean;
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName);
}

/** `?` help, `/` search, `g` go to an ID, `j`/`k` rows (and ↓/↑ while the detail is open), Enter open, Esc close, `p` pause; ignored while typing in a field. */
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
      // A modal dialog (the shortcuts) has the keyboard to itself.
      if (document.querySelector("dialog[open]")) return;
      // Enter on a focused button or link belongs to that control.
      if (event.key === "Enter" && event.target instanceof HTMLElement && event.target.closest("button, a")) return;
      const keys: Record<string, () => void> = { "/": actions.focusSearch, g: actions.focusGoTo, "?": actions.help, j: actions.next, k: actions.previous, Enter: actions.open, p: actions.togglePause };
      if (actions.arrows) Object.assign(keys, { ArrowDown: actions.next, ArrowUp: actions.previous });
      const action = keys[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
