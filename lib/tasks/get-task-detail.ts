import "server-only";
import { randomUUID } from "node:crypto";
import { LRUCache } from "lru-cache";
import { ApiError, invalidParameter } from "@/lib/api/errors";
import { readParams } from "@/lib/filters/read-params";
import { taskQueryParams } from "@/lib/filters/task-query";
import type { Gateway } from "@/lib/vod/gateway";
import { normalizeTaskDetail } from "@/lib/vod/normalize-detail";
import { isFinalStatus } from "@/lib/model/status";
import type { TaskDetail } from "@/lib/model/task";
import { isTaskId, TASK_ID_RULE } from "@/lib/model/task-id";
import { processStore } from "@/lib/store/process-store";
import { taskOf } from "./history-pages";

/**
 * Task IDs upstream did not know, remembered briefly: asking again for a missing task (a typo, a
 * stale link, or a flood of made-up IDs) costs no upstream call for half a minute.
 */
const notFound = new LRUCache<string, true>({ max: 10_000, ttl: 30_000 });

/** A finished task's detail never changes again, so it may be kept for much longer. */
const FINISHED_DETAIL_TTL_MS = 10 * 60_000;

/** The path's task ID, or a 400 naming it. */
export function requireTaskId(raw: string): string {
  if (!isTaskId(raw)) throw invalidParameter(`taskId: must be a task ID of ${TASK_ID_RULE}`);
  return raw;
}

/** The `subAppId` of a query string, checked against the configured ones; absent: the default app. */
export function subAppIdFromParams(params: URLSearchParams, subAppIds: readonly number[]): number | undefined {
  const parsed = readParams({ subAppId: taskQueryParams.subAppId }, params, {}, { subAppIds });
  if (!parsed.ok) throw invalidParameter(parsed.message);
  return (parsed.value.subAppId as number | undefined) ?? subAppIds[0];
}

export async function getTaskDetail(gateway: Gateway, taskId: string, subAppId: number | undefined): Promise<TaskDetail> {
  const request = { TaskId: taskId, SubAppId: subAppId };
  const key = `${subAppId ?? ""}/${taskId}`;
  if (notFound.has(key)) return fromStore(taskId, subAppId, missing(taskId));
  try {
    const answer = await gateway.describeTaskDetail(request, {
      maxAgeMs: (detail) => (isFinalStatus(detail.Status) ? FINISHED_DETAIL_TTL_MS : 1_000),
    });
    return normalizeTaskDetail(taskId, answer);
  } catch (error) {
    if (error instanceof ApiError && error.upstreamCode === "InvalidParameterValue.TaskId") {
      notFound.set(key, true);
      return fromStore(taskId, subAppId, missing(taskId, error.requestId));
    }
    throw error;
  }
}

function missing(taskId: string, requestId?: string): ApiError {
  return new ApiError("TaskNotFound", `taskId: no task ${taskId} in the last 72 hours${processStore() ? " nor in the task store" : ""}`, { requestId });
}

/**
 * A task upstream no longer knows (older than its 72 hours), as the task store kept it: the task
 * and its outcome, without the steps, which the store does not keep. Else the 404.
 */
async function fromStore(taskId: string, subAppId: number | undefined, notFoundError: ApiError): Promise<TaskDetail> {
  const row = await processStore()?.store.task(taskId).catch(() => undefined);
  if (!row || row.subAppId !== (subAppId ?? 0)) throw notFoundError;
  return {
    ...taskOf(row), outcome: row.outcome, errorCode: row.errorCode, message: row.message ?? "", progress: null, subTasks: [],
    requestId: randomUUID(), source: "history",
  };
}
