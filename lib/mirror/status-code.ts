import { statusRank } from "@/lib/model/status";

/**
 * Statuses as one byte each, so a million tasks cost a megabyte. 0 marks a free slot. A task only
 * ever moves forward (WAITING → PROCESSING → FINISH or ABORTED), which is what lets answers that
 * were read at slightly different moments be merged in any order: the most advanced one wins.
 */
export const FREE = 0;
export const WAITING = 1;
export const PROCESSING = 2;
export const FINISH = 3;
export const ABORTED = 4;
/** A status upstream may add one day; kept, counted, never mistaken for a known one. */
export const OTHER = 5;

export type StatusCode = typeof FREE | typeof WAITING | typeof PROCESSING | typeof FINISH | typeof ABORTED | typeof OTHER;

const CODES: Record<string, StatusCode> = { WAITING, PROCESSING, FINISH, ABORTED };
export const STATUS_NAME = ["", "WAITING", "PROCESSING", "FINISH", "ABORTED", "OTHER"] as const;

export function statusCode(text: string): StatusCode {
  return CODES[text] ?? OTHER;
}

/** How far along the lifecycle a status is, by code; FREE and an unknown status rank lowest. */
export const STATUS_RANK: readonly number[] = STATUS_NAME.map((name) => Math.max(0, statusRank(name) + 1));

export function isActive(code: number): boolean {
  return code === WAITING || code === PROCESSING;
}
