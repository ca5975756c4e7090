import "server-only";
import { upstream } from "@/lib/vod/upstream";
import { listTasks } from "./list-tasks";
import { taskQueryFromParams } from "./query-from-request";
import type { TaskPage } from "./task";

/**
 * The first page of a view as GET /api/tasks would answer it for the same query string, for the
 * page's server render: the same parsing, the same defaults, the same gateway.
 */
export function firstTaskPage(params: URLSearchParams, nowMs: number): Promise<TaskPage> {
  return listTasks(upstream(), taskQueryFromParams(params), nowMs);
}
