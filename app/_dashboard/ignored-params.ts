import { ignoredValues, type IgnoredParam } from "@/lib/filters/read-params";
import { taskQueryParams } from "@/lib/filters/task-query";
import { REFRESH_CHOICES } from "@/lib/model/refresh";
import { isTaskId, TASK_ID_RULE } from "@/lib/model/task-id";
import { parseTimeZone } from "./page-params";

export type { IgnoredParam };

/** The page reads these; `cursor` belongs to the API alone, and the page never takes one from its URL. */
const FILTERS = Object.fromEntries(Object.entries(taskQueryParams).filter(([name]) => name !== "cursor"));

const PAGE_PARAMS = {
  refresh: { parse: (raw: string) => ((REFRESH_CHOICES as readonly string[]).includes(raw) ? raw : null), expected: `one of ${REFRESH_CHOICES.join(", ")}` },
  tz: { parse: (raw: string) => (raw === "local" ? raw : parseTimeZone(raw)), expected: "local, UTC or an IANA time zone such as Asia/Shanghai" },
  task: { parse: (raw: string) => (isTaskId(raw) ? raw : null), expected: `a task ID of ${TASK_ID_RULE}` },
};

/** Statuses people type that DescribeTasks has no filter for, and what to use instead. */
const STATUS_HINTS: Record<string, string> = {
  FAILED: "DescribeTasks cannot filter on failure: a failed task is FINISH, and its detail says how it ended",
  ABORTED: "DescribeTasks cannot filter on ABORTED; its count is shown beside the status buttons",
};

/**
 * The dashboard URL's values it reads as absent, and why. The page still shows a view (the wider
 * one): this is what it tells the reader, so that `?status=FAILED` does not silently show every task.
 */
export function ignoredParams(search: URLSearchParams): IgnoredParam[] {
  return ignoredValues({ ...FILTERS, ...PAGE_PARAMS }, search, (param, raw) => (param === "status" ? STATUS_HINTS[raw.toUpperCase()] : undefined));
}
