import { toUpstreamTime } from "@/lib/filters/describe-tasks-request";
import type { Gateway } from "@/lib/vod/gateway";
import type { UpstreamTask } from "@/lib/vod/response-shapes";
import { pageAll, type CallCounter } from "./page-all";
import { PROCESSING, WAITING } from "./status-code";
import type { TaskColumns } from "./task-columns";

export interface SyncCursors {
  /** Newest CreateTime known to be read completely. */
  createdUpTo: number;
  /** When the last successful sync started: every finish since then is still to be read. */
  finishedSince: number;
}

export interface IncrementalSyncInput {
  gateway: Gateway;
  subAppId: number | undefined;
  table: TaskColumns;
  cursors: SyncCursors;
  /** Re-read a little before each cursor: upstream times are whole seconds and may land late. */
  overlapMs: number;
  /**
   * When given, also read the PROCESSING tasks created before this time, to find running tasks
   * that ended unseen. Only the older ones: most tasks end within minutes and are found by the
   * FinishTime query, so this costs a page, not the whole PROCESSING set; a task that ends unseen
   * is found once it is that old.
   */
  reconcileBefore?: number;
  startedAt: number;
}

export interface IncrementalSyncResult {
  cursors: SyncCursors;
  /** Tasks that left WAITING or PROCESSING without any query saying where they went. */
  unexplained: string[];
}

/**
 * One refresh: a handful of queries instead of a rescan. New tasks come by CreateTime, endings by
 * FinishTime, and starts (which no time filter can find) by comparing the WAITING set with the
 * mirror's, then reading PROCESSING only over the CreateTime span of the tasks that left it.
 * All of it runs at once and merges in any order, because the table only moves tasks forward.
 */
export async function syncIncrementally(input: IncrementalSyncInput, counter: CallCounter): Promise<IncrementalSyncResult> {
  const { gateway, subAppId, table, cursors, overlapMs, startedAt } = input;
  let newestCreate = cursors.createdUpTo;
  const merge = (seen?: Set<number>) => (tasks: UpstreamTask[]) => {
    for (const task of tasks) {
      const slot = table.upsert(task);
      if (slot < 0) continue;
      seen?.add(slot);
      if (table.create[slot] > newestCreate) newestCreate = table.create[slot];
    }
  };
  const waitingSeen = new Set<number>();
  const { reconcileBefore } = input;
  const processingSeen = reconcileBefore === undefined ? undefined : new Set<number>();
  const asc = (field: "CreateTime" | "FinishTime") => ({ Field: field, Order: "Asc" });
  await Promise.all([
    pageAll(gateway, { SubAppId: subAppId, CreateTime: { After: toUpstreamTime(cursors.createdUpTo - overlapMs) }, Sort: asc("CreateTime") }, merge(), counter),
    pageAll(gateway, { SubAppId: subAppId, FinishTime: { After: toUpstreamTime(cursors.finishedSince - overlapMs) }, Sort: asc("FinishTime") }, merge(), counter),
    pageAll(gateway, { SubAppId: subAppId, Status: "WAITING", Sort: asc("CreateTime") }, merge(waitingSeen), counter),
    processingSeen && pageAll(gateway, { SubAppId: subAppId, Status: "PROCESSING", CreateTime: { Before: toUpstreamTime(reconcileBefore!) }, Sort: asc("CreateTime") }, merge(processingSeen), counter),
  ]);

  // Only tasks that existed before the queries ran can be missing from their answers.
  const existedBefore = startedAt - 1_000;
  const leftWaiting = collect(table, (slot) => table.status[slot] === WAITING && table.create[slot] < existedBefore && !waitingSeen.has(slot));
  if (leftWaiting.length > 0) {
    let lo = Infinity;
    let hi = -Infinity;
    for (const slot of leftWaiting) {
      lo = Math.min(lo, table.create[slot]);
      hi = Math.max(hi, table.create[slot]);
    }
    const span = { After: toUpstreamTime(lo), Before: toUpstreamTime(hi + 1_000) };
    await pageAll(gateway, { SubAppId: subAppId, Status: "PROCESSING", CreateTime: span, Sort: asc("CreateTime") }, merge(processingSeen), counter);
  }
  const unexplained = leftWaiting.filter((slot) => table.status[slot] === WAITING);
  if (processingSeen) {
    const before = Math.ceil(reconcileBefore! / 1_000) * 1_000;
    unexplained.push(...collect(table, (slot) => table.status[slot] === PROCESSING && table.create[slot] < before && !processingSeen.has(slot)));
  }
  return {
    cursors: { createdUpTo: newestCreate, finishedSince: startedAt },
    unexplained: unexplained.map((slot) => table.ids[slot]),
  };
}

function collect(table: TaskColumns, test: (slot: number) => boolean): number[] {
  const slots: number[] = [];
  for (let slot = 0; slot < table.end; slot++) if (test(slot)) slots.push(slot);
  return slots;
}
