import type { SyncMarks } from "@/lib/store/task-store";
import type { TaskRow } from "@/lib/store/task-row";
import type { MirrorRow } from "@/lib/store/task-sql";
import type { MirrorStore } from "./mirror-store";
import type { OutcomeColumns } from "./outcome-columns";
import { statusCode } from "./status-code";
import type { TaskColumns } from "./task-columns";

/**
 * How far back each look re-reads: a write stamped before another (by its writer's clock) may
 * commit after it, or come from a replica whose clock is a little behind. Readings merge, so
 * reading a task twice costs a little work and nothing else.
 */
export const FOLLOW_OVERLAP_MS = 5_000;

/** A mirror that stops collecting reads back this much of what was written before it last collected. */
const DEMOTED_LOOKBACK_MS = 60_000;

export interface FollowInput {
  store: MirrorStore;
  subAppId: number | undefined;
  table: TaskColumns;
  outcomes: OutcomeColumns;
  /** The newest write time read so far; undefined at the first look. */
  cursor: number | undefined;
  /**
   * For a mirror that collected until now: when its table was last known whole. It reads back from a
   * minute before that, however long ago (a collector frozen for minutes missed all that was written meanwhile).
   */
  collectedAt?: number;
  /** The window's start: older tasks are not read. */
  windowStart: number;
  now: number;
}

export interface FollowResult {
  cursor: number;
  /** The collector's marks, read before the tasks: every task they vouch for was read too. */
  marks: SyncMarks | undefined;
}

/** Places stored rows in the mirror's table, with every stored outcome (a restart never looks a task up again). */
export function placeRows(table: TaskColumns, outcomes: OutcomeColumns, rows: readonly MirrorRow[]): void {
  for (const [taskId, taskType, status, fileId, createTime, beginTime, finishTime, outcome, errorCode, message] of rows) {
    table.place(taskId, taskType, fileId, statusCode(status), createTime, beginTime ?? NaN, finishTime ?? NaN);
    if (outcome) outcomes.set(taskId, outcome, errorCode, message);
  }
}

/**
 * One look of a follower replica at the store: the collector's marks, then every task written
 * since the last look (the whole window at the first one), merged into the mirror's table.
 * No upstream call: the collector reads upstream and writes the store; followers read the store.
 */
export async function followStore(input: FollowInput): Promise<FollowResult> {
  const { store, subAppId, table, outcomes, windowStart } = input;
  const place = (rows: TaskRow[]) => {
    for (const row of rows) {
      table.place(row.taskId, row.taskType, row.fileId, statusCode(row.status), row.createTime, row.beginTime ?? NaN, row.finishTime ?? NaN);
      if (row.outcome) outcomes.set(row.taskId, row.outcome, row.errorCode, row.message);
    }
  };
  const placeStored = (rows: MirrorRow[]) => placeRows(table, outcomes, rows);
  const marks = await store.syncMarks(subAppId);
  let cursor = input.cursor;
  if (cursor === undefined && table.count > 0) cursor = Math.min(input.now, input.collectedAt ?? Infinity) - DEMOTED_LOOKBACK_MS;
  if (cursor === undefined) {
    cursor = Math.max(0, await store.latestChange(subAppId));
    await store.loadWindow(subAppId, windowStart, placeStored);
  }
  const newest = await store.changedSince(subAppId, Math.max(0, cursor - FOLLOW_OVERLAP_MS), windowStart, place);
  return { cursor: Math.max(cursor, newest), marks };
}
