import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError } from "@/lib/api/errors";
import type { TaskQuery } from "@/lib/filters/task-query";
import type { TimeWindow } from "@/lib/filters/time-window";
import { isoSeconds } from "@/lib/model/iso-time";
import type { Task, TaskPage } from "@/lib/model/task";
import type { HistoryFilter, HistoryOrder } from "@/lib/store/history-query";
import { processStore } from "@/lib/store/process-store";
import type { TaskRow } from "@/lib/store/task-row";
import type { TaskStore } from "@/lib/store/task-store";
import { historyBoundary } from "@/lib/filters/history-boundary";
import { historyLimit } from "@/lib/config/history-limit";
import type { HistorySpan } from "@/lib/model/history-span";
import type { HistoryCursor } from "./cursor";

/**
 * Whether a view reaches back past upstream's 72 hours, and if so its plan: the boundary between
 * what upstream answers and what the store does, fixed at the first page, and which part comes
 * first (the newer for a descending sort). Undefined for every view upstream answers alone.
 */
export function historyPlan(query: TaskQuery, window: TimeWindow, nowMs: number): HistoryCursor | undefined {
  const boundary = historyBoundary(window, nowMs);
  if (boundary === undefined) return undefined;
  const liveIsEmpty = window.created.before !== undefined && window.created.before <= boundary;
  return { boundary, phase: query.sort.endsWith(":desc") && !liveIsEmpty ? "live" : "store" };
}

/** What an answer says of a view's store part: tasks created before the boundary, kept VOD_HISTORY_DAYS. */
export function historySpan(boundary: number, nowMs: number): HistorySpan {
  return { before: isoSeconds(boundary), days: historyLimit(nowMs).keptDays };
}

/** The window upstream is asked for in the live phase: nothing older than the boundary. */
export function liveWindow(window: TimeWindow, history: HistoryCursor): TimeWindow {
  return { ...window, created: { ...window.created, after: Math.max(window.created.after ?? history.boundary, history.boundary) } };
}

/** What follows when the live phase runs out: the store's part for a descending sort, else the end. */
export function afterLive(query: TaskQuery, history: HistoryCursor): HistoryCursor | undefined {
  return query.sort.endsWith(":desc") ? { boundary: history.boundary, phase: "store" } : undefined;
}

export const ORDERS: Record<TaskQuery["sort"], HistoryOrder> = {
  "createTime:desc": { field: "create_time", descending: true },
  "createTime:asc": { field: "create_time", descending: false },
  "finishTime:desc": { field: "finish_time", descending: true },
  "finishTime:asc": { field: "finish_time", descending: false },
};

const at = (ms: number | null) => (ms === null ? null : isoSeconds(ms));

export function taskOf(row: TaskRow): Task {
  return {
    taskId: row.taskId, taskType: row.taskType, status: row.status, fileId: row.fileId, createTime: isoSeconds(row.createTime),
    beginProcessTime: at(row.beginTime), finishTime: at(row.finishTime), sessionId: row.sessionId, sessionContext: row.sessionContext,
    outcome: row.outcome, errorCode: row.outcome === "failed" ? row.errorCode : null,
  };
}

/** A view's filters as the store applies them, for tasks created before `createdBefore`. */
export function storeFilter(query: TaskQuery, window: TimeWindow, createdBefore: number | undefined): HistoryFilter {
  return {
    subAppId: query.subAppId ?? 0, status: query.status, fileId: query.fileId, type: query.type, outcome: query.outcome,
    errorCode: query.errorCode,
    created: { after: window.created.after, before: createdBefore }, finished: window.finished,
  };
}

/** The process's store, or the 503 a request that needs it gets while there is none. */
export function storeOrUnavailable(what: string): TaskStore {
  const opened = processStore();
  if (!opened) throw new ApiError("StoreUnavailable", `The task store is unavailable, so ${what} cannot be read now.`, { retryAfterSeconds: 30 });
  return opened.store;
}

export interface StorePhase {
  query: TaskQuery;
  window: TimeWindow;
  history: HistoryCursor;
  /** The TaskId of the last row served; "" at the start of the phase. */
  lastTaskId: string;
  /** Encodes the cursor of the next page, or null at the end of the view. */
  cursorAt(lastTaskId: string, history: HistoryCursor | undefined): string | null;
}

/**
 * One page of the part of a view older than upstream's 72 hours, from the task store: every
 * filter applied there (type included), continued by keyset. Past the end of the store's part, an
 * ascending view goes on with upstream's part.
 */
export async function readStorePage({ query, window, history, lastTaskId, cursorAt }: StorePhase): Promise<TaskPage> {
  const store = storeOrUnavailable("tasks older than 72 hours");
  const order = ORDERS[query.sort];
  const filter = storeFilter(query, window, Math.min(window.created.before ?? history.boundary, history.boundary));
  const after = history.keyTime === undefined ? undefined : { time: history.keyTime, taskId: lastTaskId };
  let rows: TaskRow[];
  try {
    rows = await store.historyPage(filter, order, after, query.limit);
  } catch {
    throw new ApiError("StoreUnavailable", "The task store did not answer; try again shortly.", { retryAfterSeconds: 5 });
  }
  const last = rows.at(-1);
  let nextCursor: string | null;
  if (last && rows.length === query.limit) {
    const keyTime = order.field === "create_time" ? last.createTime : last.finishTime!;
    nextCursor = cursorAt(last.taskId, { boundary: history.boundary, phase: "store", keyTime });
  } else {
    const liveIsEmpty = window.created.before !== undefined && window.created.before <= history.boundary;
    nextCursor = order.descending || liveIsEmpty ? null : cursorAt("", { boundary: history.boundary, phase: "live" });
  }
  return { tasks: rows.map(taskOf), nextCursor, requestId: randomUUID(), source: "history" };
}
