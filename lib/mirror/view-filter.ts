import type { TaskQuery } from "@/lib/filters/task-query";
import type { TimeWindow } from "@/lib/filters/time-window";
import { WINDOW_MS } from "@/lib/vod/wire";
import { FAILED, SUCCESS, type OutcomeColumns } from "./outcome-columns";
import { FREE, statusCode } from "./status-code";
import type { TaskColumns } from "./task-columns";

export interface ViewFilter {
  matches(slot: number): boolean;
  /** The CreateTime range counted: the view's created bounds inside the 72-hour window. */
  from: number;
  to: number;
}

/** Upstream reads whole seconds, rounding up (toUpstreamTime): so do the stats, so both agree on edges. */
const edge = (ms: number | undefined) => (ms === undefined ? undefined : Math.ceil(ms / 1_000) * 1_000);

/**
 * The /api/tasks filters, applied to the mirror the way upstream applies them to DescribeTasks:
 * status=FINISH leaves ABORTED out, a FinishTime bound leaves unfinished tasks out, and `type`
 * and `fileId` match exactly; `outcome` and `errorCode` match known outcomes only. Strings are compared as pool numbers, so a 1M-task pass stays cheap.
 */
export function viewFilter(table: TaskColumns, query: TaskQuery, window: TimeWindow, nowMs: number, outcomes?: OutcomeColumns): ViewFilter {
  const from = Math.max(edge(window.created.after) ?? -Infinity, nowMs - WINDOW_MS);
  const createdBefore = edge(window.created.before) ?? Infinity;
  const to = Math.min(createdBefore, nowMs);
  const finishedAfter = edge(window.finished.after) ?? -Infinity;
  const finishedBefore = edge(window.finished.before) ?? Infinity;
  const byFinish = window.finished.after !== undefined || window.finished.before !== undefined;
  const status = query.status === undefined ? -1 : statusCode(query.status);
  // A type or file no task has matches nothing (-2), rather than everything.
  const type = query.type === undefined ? -1 : table.types.find(query.type) === -1 ? -2 : table.types.find(query.type);
  const file = query.fileId === undefined ? -1 : table.files.find(query.fileId) === -1 ? -2 : table.files.find(query.fileId);
  // Only a known outcome matches `outcome` (ABORTED is failed); without outcomes nothing does.
  const outcome = query.outcome === undefined ? -1 : query.outcome === "success" ? SUCCESS : FAILED;
  // An error code belongs to a failure: only failed tasks of that code match it.
  const errorCode = query.errorCode;
  const { create, finish } = table;
  return {
    from,
    to,
    matches(slot) {
      const code = table.status[slot];
      if (code === FREE || (status !== -1 && code !== status)) return false;
      if (type !== -1 && table.type[slot] !== type) return false;
      if (file !== -1 && table.file[slot] !== file) return false;
      if (outcome !== -1 && (!outcomes || outcomes.of(slot) !== outcome)) return false;
      if (errorCode !== undefined && (!outcomes || outcomes.of(slot) !== FAILED || outcomes.errorCode(slot) !== errorCode)) return false;
      if (create[slot] < from || create[slot] >= createdBefore) return false;
      // NaN (not finished) fails both comparisons, so it is left out whenever a bound is given.
      return !byFinish || (finish[slot] >= finishedAfter && finish[slot] < finishedBefore);
    },
  };
}
