import type { ErrorGroup } from "./stats";

/** Error groups listed in /api/stats. */
export const TOP_ERRORS = 10;

/** Failed tasks of one error code ('' for none given): how many, the first message, and how many of each type. */
export interface ErrorCount {
  code: string;
  count: number;
  message: string;
  types: Map<string, number>;
}

/**
 * The groups /api/stats lists: the ten largest (ties by code), a missing code named "unknown",
 * each group's types from the most failed.
 */
export function topErrors(counts: Iterable<ErrorCount>): ErrorGroup[] {
  return [...counts].sort((x, y) => y.count - x.count || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0)).slice(0, TOP_ERRORS).map((group) => ({
    code: group.code || "unknown", count: group.count, message: group.message,
    types: [...group.types].sort((x, y) => y[1] - x[1]).map(([type]) => type),
  }));
}
