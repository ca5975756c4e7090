// DescribeTasks: validates the request as upstream does, then pages through the query engine.
import type { DescribeTasksResponse } from "../vod/wire";
import { FILTERABLE_STATUSES } from "../model/status";
import { MAX_PAGE_SIZE } from "../vod/wire";
import { invalidValue, missing } from "./api-errors";
import { parseFileId } from "./ids";
import { type Body, optionalInteger, optionalObject, optionalString, parseIsoTime, rejectUnknown } from "./params";
import { ST_FINISH, ST_PROCESSING, ST_WAITING, type Partition } from "./partition";
import { runQuery, type SortField, type SortKey, sortKey, type TaskQuery } from "./query-engine";
import { type TaskStore, windowStartSec } from "./store";
import { taskSimpleInfo } from "./task-view";

const FIELDS = ["SubAppId", "Status", "FileId", "CreateTime", "FinishTime", "Sort", "Limit", "ScrollToken"] as const;
const STATUS_CODES: Record<(typeof FILTERABLE_STATUSES)[number], number> = {
  WAITING: ST_WAITING,
  PROCESSING: ST_PROCESSING,
  FINISH: ST_FINISH,
};
const DEFAULT_LIMIT = 10;
const TOKEN_MEMORY = 100_000;

/**
 * What each issued ScrollToken stood for. A token is the TaskId of the next record, but it marks a
 * position in the sort order: the task may change status (and FinishTime) before the next page is
 * asked for, so the key it had when the token was issued is what the next page starts from.
 */
export class TokenBook {
  private readonly keys = new Map<string, SortKey>();

  remember(subAppId: number, field: SortField, taskId: string, key: SortKey): void {
    const k = `${subAppId}|${field}|${taskId}`;
    this.keys.delete(k);
    this.keys.set(k, key);
    // Map iteration order is insertion order: the first key is the least recently issued.
    if (this.keys.size > TOKEN_MEMORY) this.keys.delete(this.keys.keys().next().value!);
  }

  lookup(subAppId: number, field: SortField, taskId: string): SortKey | undefined {
    return this.keys.get(`${subAppId}|${field}|${taskId}`);
  }
}

export function resolvePartition(store: TaskStore, body: Body): Partition {
  const subAppId = optionalInteger(body, "SubAppId");
  if (subAppId === undefined) return store.partitions[0];
  const p = store.partitionIndex(subAppId);
  if (p < 0) throw invalidValue("SubAppId", `the application ${subAppId} does not exist.`, "InvalidParameterValue.SubAppId");
  return store.partitions[p];
}

export function describeTasks(store: TaskStore, tokens: TokenBook, body: Body, nowMs: number): DescribeTasksResponse {
  rejectUnknown(body, FIELDS);
  const part = resolvePartition(store, body);
  const q = toQuery(store, tokens, part, body, nowMs);
  const { rows, next } = runQuery(part, q);
  let scrollToken = "";
  if (next >= 0) {
    scrollToken = store.taskId(part, next);
    tokens.remember(part.subAppId, q.field, scrollToken, sortKey(part, next, q.field));
  }
  return { TaskSet: rows.map((i) => taskSimpleInfo(store, part, i)), ScrollToken: scrollToken };
}

function toQuery(store: TaskStore, tokens: TokenBook, part: Partition, body: Body, nowMs: number): TaskQuery {
  const status = optionalString(body, "Status");
  if (status !== undefined && !(status in STATUS_CODES)) {
    throw invalidValue("Status", "expected WAITING, PROCESSING or FINISH.", "InvalidParameterValue.Status");
  }
  const limit = optionalInteger(body, "Limit") ?? DEFAULT_LIMIT;
  if (limit < 1 || limit > MAX_PAGE_SIZE) throw invalidValue("Limit", `expected 1 to ${MAX_PAGE_SIZE}.`);
  const fileId = optionalString(body, "FileId");
  const created = timeRange(body, "CreateTime");
  const finished = timeRange(body, "FinishTime");
  const { field, desc } = sortBy(body);
  const q: TaskQuery = {
    status: status === undefined ? undefined : STATUS_CODES[status as keyof typeof STATUS_CODES],
    fileNum: fileId === undefined ? undefined : parseFileId(fileId, store.seed),
    createLo: Math.max(windowStartSec(nowMs), created?.lo ?? 0),
    createHi: created?.hi ?? Infinity,
    finish: finished,
    field,
    desc,
    limit,
  };
  const token = optionalString(body, "ScrollToken");
  if (token !== undefined) q.from = tokenKey(store, tokens, part, field, token);
  return q;
}

function tokenKey(store: TaskStore, tokens: TokenBook, part: Partition, field: SortField, token: string): SortKey {
  const issued = tokens.lookup(part.subAppId, field, token);
  if (issued) return issued;
  // A TaskId the client learnt elsewhere still names a position: where that task sorts now.
  const i = store.findTask(part, token);
  if (i < 0) throw invalidValue("ScrollToken", "unknown or expired token.");
  return sortKey(part, i, field);
}

/** TimeRange in epoch seconds [lo, hi): times have second precision, so bounds round up. */
function timeRange(body: Body, name: string): { lo: number; hi: number } | undefined {
  const range = optionalObject(body, name);
  if (!range) return undefined;
  rejectUnknown(range, ["After", "Before"], `${name}.`);
  const after = optionalString(range, "After", `${name}.After`);
  const before = optionalString(range, "Before", `${name}.Before`);
  return {
    lo: after === undefined ? 0 : Math.ceil(parseIsoTime(after, `${name}.After`) / 1000),
    hi: before === undefined ? Infinity : Math.ceil(parseIsoTime(before, `${name}.Before`) / 1000),
  };
}

function sortBy(body: Body): { field: SortField; desc: boolean } {
  const sort = optionalObject(body, "Sort");
  if (!sort) return { field: "CreateTime", desc: true };
  rejectUnknown(sort, ["Field", "Order"], "Sort.");
  const field = optionalString(sort, "Field", "Sort.Field");
  const order = optionalString(sort, "Order", "Sort.Order");
  if (field === undefined) throw missing("Sort.Field");
  if (order === undefined) throw missing("Sort.Order");
  if (field !== "CreateTime" && field !== "FinishTime") throw invalidValue("Sort.Field", "expected CreateTime or FinishTime.");
  if (order !== "Asc" && order !== "Desc") throw invalidValue("Sort.Order", "expected Asc or Desc.");
  return { field, desc: order === "Desc" };
}
