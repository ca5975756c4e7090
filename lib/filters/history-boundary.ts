import { WINDOW_MS } from "@/lib/vod/wire";
import type { TimeWindow } from "./time-window";

/** A view reaching less than this past upstream's 72 hours (`now-3d` typed a moment ago) is upstream's alone. */
export const HISTORY_GRACE_MS = 60_000;

/**
 * Where upstream's 72 hours begin now, to the second: what a view holds from before this comes from
 * the task store. Undefined when the view's window does not reach back past it (nothing from the
 * store), which is also the one rule for whether an answer mentions history at all.
 */
export function historyBoundary(window: TimeWindow, nowMs: number): number | undefined {
  const boundary = Math.ceil((nowMs - WINDOW_MS) / 1_000) * 1_000;
  const lowest = window.created.after ?? window.finished.after;
  const reaches = (lowest !== undefined && lowest < boundary - HISTORY_GRACE_MS)
    || (window.created.before !== undefined && window.created.before <= boundary)
    || (window.finished.before !== undefined && window.finished.before <= boundary);
  return reaches ? boundary : undefined;
}
