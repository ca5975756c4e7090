import { isoSeconds } from "@/lib/model/iso-time";
import { WINDOW_MS } from "@/lib/vod/wire";
import { freezeTimeText } from "./time-expression";

export interface TimeFilters {
  createdAfter: string | null;
  createdBefore: string | null;
  finishedAfter: string | null;
  finishedBefore: string | null;
}

/**
 * "Freeze": the view's window with both ends fixed to absolute times at `nowMs`, so that a link
 * shows the same tasks later. A view without a created range covers DescribeTasks's 72 hours up to
 * now, and freezes to exactly that; a finished range, when there is one, gets its open end fixed too.
 */
export function freezeWindow(filters: TimeFilters, nowMs: number): TimeFilters {
  const fix = (text: string) => freezeTimeText(text, nowMs);
  // Rounded up to the second: rounded down, the window's start would lie just outside upstream's 72 hours.
  const windowStart = isoSeconds(Math.ceil((nowMs - WINDOW_MS) / 1_000) * 1_000);
  const finished = filters.finishedAfter !== null || filters.finishedBefore !== null;
  return {
    createdAfter: filters.createdAfter === null ? windowStart : fix(filters.createdAfter),
    createdBefore: fix(filters.createdBefore ?? "now"),
    finishedAfter: filters.finishedAfter === null ? null : fix(filters.finishedAfter),
    finishedBefore: finished ? fix(filters.finishedBefore ?? "now") : null,
  };
}

/** Whether the window already is what Freeze would make it: both created ends absolute, and the finished range too. */
export function isFrozen(filters: TimeFilters): boolean {
  const absolute = (text: string | null) => text !== null && !text.startsWith("now");
  const finished = filters.finishedAfter !== null || filters.finishedBefore !== null;
  return absolute(filters.createdAfter) && absolute(filters.createdBefore)
    && (!finished || ((filters.finishedAfter === null || absolute(filters.finishedAfter)) && absolute(filters.finishedBefore)));
}
