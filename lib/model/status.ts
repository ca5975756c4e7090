/**
 * A task's statuses, as upstream spells them, defined once for the server, the emulator and the
 * browser. ABORTED is rare and cannot be filtered on upstream.
 */
export const TASK_STATUSES = ["WAITING", "PROCESSING", "FINISH", "ABORTED"] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Statuses DescribeTasks accepts as a filter. */
export const FILTERABLE_STATUSES = ["WAITING", "PROCESSING", "FINISH"] as const;
export type FilterableStatus = (typeof FILTERABLE_STATUSES)[number];

/** Statuses a task never leaves: FINISH (which does not mean success) and ABORTED. */
export const FINAL_STATUSES = ["FINISH", "ABORTED"] as const;

export function isFinalStatus(status: string): boolean {
  return status === "FINISH" || status === "ABORTED";
}

/** How far along its lifecycle a status is; a task only ever moves forward. Unknown: -1. */
export function statusRank(status: string): number {
  return status === "WAITING" ? 0 : status === "PROCESSING" ? 1 : isFinalStatus(status) ? 2 : -1;
}
