import { FILTERABLE_STATUSES } from "@/lib/model/status";
import { canonicalTaskType } from "@/lib/model/task-types";
import { MAX_PAGE_SIZE } from "@/lib/vod/wire";
import { integerParam, literalParam, patternParam, timeParam, type ParamKind } from "./param-kinds";
import { readParams, type ParseResult } from "./read-params";

export { invalidParam, type ParseResult } from "./read-params";

export const SORTS = ["createTime:desc", "createTime:asc", "finishTime:desc", "finishTime:asc"] as const;
export type Sort = (typeof SORTS)[number];
export const DEFAULT_SORT: Sort = "createTime:desc";
export const DEFAULT_LIMIT = 50;
/**
 * A finished task's outcome (ABORTED counts as failed); upstream cannot filter on it, the server
 * does. `errorCode` narrows to the failed tasks of one error code (ABORTED for aborts).
 */
export const OUTCOMES = ["success", "failed"] as const;

const TYPE_PATTERN = patternParam(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, "a task type such as Procedure or EditMedia");

/** A known TaskType matches whatever its case (`procedure` reads as `Procedure`); an unknown name matches as given. */
const taskTypeParam: ParamKind<string> = {
  ...TYPE_PATTERN,
  parse: (raw) => (TYPE_PATTERN.parse(raw) === null ? null : canonicalTaskType(raw)),
};

/**
 * The start of a file's name, matched without regard to case. Upstream cannot filter by name and
 * names are known only for files a page has loaded, so this narrows the page's loaded rows (those
 * whose name is known); the API checks it (a 400 for a bad value) and otherwise leaves it to the page.
 */
const fileNameParam = patternParam(/^[^\p{Cc}]{1,128}$/u, "the start of a file name, 1 to 128 characters without control characters");

/**
 * Every filter of the task list, defined once. The page's query string and the API's are the
 * same string, so this table serves the URL state in the browser, the route handlers and the
 * fetchers alike.
 */
export const taskQueryParams = {
  status: literalParam(FILTERABLE_STATUSES),
  fileId: patternParam(/^[\w.:-]{1,128}$/, "a file ID of at most 128 letters, digits, '.', ':', '_' or '-'"),
  type: taskTypeParam,
  outcome: literalParam(OUTCOMES),
  errorCode: patternParam(/^[A-Za-z0-9][\w.-]{0,127}$/, "an error code such as InvalidInput, FailedOperation.Timeout or ABORTED"),
  fileName: fileNameParam,
  createdAfter: timeParam,
  createdBefore: timeParam,
  finishedAfter: timeParam,
  finishedBefore: timeParam,
  sort: literalParam(SORTS),
  limit: integerParam(1, MAX_PAGE_SIZE),
  cursor: patternParam(/^[A-Za-z0-9_.-]{1,4096}$/, "a cursor returned as nextCursor"),
  subAppId: integerParam(1, Number.MAX_SAFE_INTEGER),
} satisfies Record<string, ParamKind<unknown>>;

export type TaskQueryParam = keyof typeof taskQueryParams;
type ValueOf<K extends TaskQueryParam> = NonNullable<ReturnType<(typeof taskQueryParams)[K]["parse"]>>;

export type TaskQuery = { [K in TaskQueryParam]?: ValueOf<K> } & { sort: Sort; limit: number };

/** Filters the page applies to the rows it has loaded; never part of the list's query, its cursor or the stats. */
export const LOADED_ROW_FILTERS = ["fileName"] as const satisfies readonly TaskQueryParam[];

/** The parameters that choose which tasks the server lists, as opposed to paging through them. */
export const FILTER_PARAMS = ["status", "fileId", "type", "outcome", "errorCode", "createdAfter", "createdBefore", "finishedAfter",
  "finishedBefore", "subAppId"] as const satisfies readonly TaskQueryParam[];

/** Reads the task list's query string strictly: a refused value is an error that names its parameter. */
export function parseTaskQuery(params: URLSearchParams, options: { subAppIds: readonly number[] }): ParseResult<TaskQuery> {
  return readParams(taskQueryParams, params, { sort: DEFAULT_SORT, limit: DEFAULT_LIMIT }, options) as ParseResult<TaskQuery>;
}
