import type { Outcome } from "@/lib/model/task";
import { appKey } from "./task-row";
import type { TaskStore } from "./task-store";

export interface StoredOutcome {
  taskId: string;
  outcome: Exclude<Outcome, null>;
  errorCode: string | null;
  message: string | null;
}

/**
 * The outcomes the store already holds among `taskIds` of one application, so a process that
 * filled its window from upstream (rather than from the store) never asks upstream again.
 */
export async function knownOutcomes(store: TaskStore, subAppId: number | undefined, taskIds: readonly string[]): Promise<StoredOutcome[]> {
  if (taskIds.length === 0) return [];
  const rows = await store.engine.query<{ task_id: string; outcome: string; error_code: string | null; message: string | null }>(
    `SELECT task_id, outcome, error_code, message FROM vod_tasks WHERE sub_app_id = ? AND outcome IS NOT NULL AND task_id IN (${taskIds.map(() => "?").join(", ")})`,
    [appKey(subAppId), ...taskIds]);
  return rows.map((row) => ({ taskId: row.task_id, outcome: row.outcome === "success" ? "success" : "failed", errorCode: row.error_code, message: row.message }));
}
