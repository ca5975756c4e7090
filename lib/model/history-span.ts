/**
 * Which part of a view the task store answers: tasks created before `before` come from the
 * dashboard's history (kept `days` days, VOD_HISTORY_DAYS), newer ones from upstream's 72 hours.
 * Present on an answer only when the view reaches back past upstream's window.
 */
export interface HistorySpan {
  /** ISO 8601 UTC: the boundary between the store's part and upstream's. */
  before: string;
  /** How many days the store keeps (VOD_HISTORY_DAYS). */
  days: number;
}
