import type { HistorySpan } from "@/lib/model/history-span";
import { formatTimestamp } from "./format-time";

export interface HistoryNoticeInput {
  /** What the list's first page said of its store part (absent: the view is upstream's alone). */
  list: HistorySpan | undefined;
  /** What /api/stats said of its store part (absent: the stats do not reach past 72 hours). */
  stats: HistorySpan | undefined;
  /**
   * Whether /api/stats counted that part (its coverage.history): undefined when it did not (the
   * store is unavailable), `durations` false when its durations cover the last 72 hours only.
   */
  statsCounted?: { durations: boolean };
  /** The store's state from /api/health: false while it cannot answer; undefined while unknown. */
  storeOk: boolean | undefined;
  /** The view filters on outcome or error code, which only the store can answer: the whole list is its. */
  wholeList: boolean;
  zone: string | undefined;
}

export interface HistoryNotice {
  text: string;
  /** The older part cannot be shown now. */
  unavailable: boolean;
}

const days = (n: number) => `${n} day${n === 1 ? "" : "s"}`;

/**
 * Which part of a view reaching past upstream's 72 hours comes from the dashboard's own history,
 * in words; null for a view upstream answers alone (nothing to say).
 */
export function historyNotice({ list, stats, statsCounted, storeOk, wholeList, zone }: HistoryNoticeInput): HistoryNotice | null {
  const span = list ?? stats;
  if (!span) return null;
  const before = formatTimestamp(span.before, zone);
  // The stats' boundary moves with every refresh while the list's stays where its first page fixed it: one time is named, the list's.
  const charts = !stats ? ""
    : !statsCounted ? " The charts and counts cover only VOD's last 72 hours."
      : statsCounted.durations ? " The charts and counts include the history."
        : " The charts and counts include the history, except durations, which cover only VOD's last 72 hours for this filter.";
  if (storeOk === false) {
    const text = wholeList
      ? "This list cannot be shown now: only the dashboard's history can filter on outcome or error code, and its store is unavailable."
      : `Tasks created before ${before} cannot be shown now: the dashboard's history store is unavailable. Newer ones are read live from VOD.`;
    return { text: text + charts, unavailable: true };
  }
  const text = wholeList
    ? `Every task listed comes from the dashboard's history (kept ${days(span.days)}): VOD cannot filter on outcome or error code.`
    : `Tasks created before ${before} come from the dashboard's history (kept ${days(span.days)}); newer ones are read live from VOD.`;
  return { text: text + charts, unavailable: false };
}
