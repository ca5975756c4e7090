import { taskQueryParams, type TaskQueryParam } from "@/lib/filters/task-query";
import { REFRESH_CHOICES } from "@/lib/model/refresh";
import { isTaskId, TASK_ID_RULE } from "@/lib/model/task-id";
import { parseTimeZone } from "./page-params";

export interface IgnoredParam {
  param: string;
  value: string;
  /** Completes "<param>=<value> was ignored: …". */
  reason: string;
}

/** The page reads these; `cursor` belongs to the API alone, and the page never takes one from its URL. */
const FILTERS = (Object.keys(taskQueryParams) as TaskQueryParam[]).filter((name) => name !== "cursor");

const PAGE_PARAMS: Record<string, { valid: (raw: string) => boolean; expected: string }> = {
  refresh: { valid: (raw) => (REFRESH_CHOICES as readonly string[]).includes(raw), expected: `one of ${REFRESH_CHOICES.join(", ")}` },
  tz: { valid: (raw) => raw === "local" || parseTimeZone(raw) !== null, expected: "local, UTC or an IANA time zone such as Asia/Shanghai" },
  task: { valid: isTaskId, expected: `a task ID of ${TASK_ID_RULE}` },
};

/** Statuses people type that DescribeTasks has no filter for, and what to use instead. */
const STATUS_HINTS: Record<string, string> = {
  FAILED: "DescribeTasks cannot filter on failure: a failed task is FINISH, and its detail says how it ended",
  ABORTED: "DescribeTasks cannot filter on ABORTED; its count is shown beside the status buttons",
};

/**
 * The page's URL values it reads as absent, and why. The page still shows a view (the wider one):
 * this is what it tells the reader, so that `?status=FAILED` does not silently show every task.
 */
export function ignoredParams(search: URLSearchParams): IgnoredParam[] {
  const ignored: IgnoredParam[] = [];
  const check = (param: string, valid: (raw: string) => boolean, expected: string, hint?: (raw: string) => string | undefined) => {
    const given = search.getAll(param).filter((value) => value !== "");
    if (given.length === 0) return;
    if (given.length > 1) {
      ignored.push({ param, value: given.join(", "), reason: "given more than once" });
      return;
    }
    if (valid(given[0])) return;
    ignored.push({ param, value: given[0], reason: hint?.(given[0]) ?? `must be ${expected}` });
  };
  for (const name of FILTERS) {
    const kind = taskQueryParams[name];
    check(name, (raw) => kind.parse(raw) !== null, kind.expected, name === "status" ? (raw) => STATUS_HINTS[raw.toUpperCase()] : undefined);
  }
  for (const [name, rule] of Object.entries(PAGE_PARAMS)) check(name, rule.valid, rule.expected);
  return ignored;
}
