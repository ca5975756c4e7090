import type { IgnoredParam } from "@/lib/filters/read-params";
import type { FilterPatch } from "@/lib/client/view-query";

export interface StatusAlias {
  /** The filters the link meant, replacing its `status`. */
  patch: FilterPatch;
  /** What the page tells the reader it did with the link's value. */
  note: IgnoredParam;
}

/**
 * `status=FAILED` and `status=ABORTED` are what people type, but DescribeTasks filters on neither:
 * a failed task is FINISH, and only its outcome says it failed. The store can answer both, so such
 * a link leads to the filter that means it: `outcome=failed`, or `errorCode=ABORTED`. Null when
 * the link has no such status, or already says which outcome it wants.
 */
export function statusAlias(search: URLSearchParams): StatusAlias | null {
  const given = search.getAll("status");
  if (given.length !== 1 || search.get("outcome") || search.get("errorCode")) return null;
  const value = given[0];
  const upper = value.toUpperCase();
  if (upper === "FAILED" || upper === "FAIL") {
    return {
      patch: { status: null, outcome: "failed" },
      note: { param: "status", value, reason: "DescribeTasks cannot filter on failure (a failed task is FINISH, only its outcome says it failed): showing outcome=failed instead" },
    };
  }
  if (upper === "ABORTED") {
    return {
      patch: { status: null, errorCode: "ABORTED" },
      note: { param: "status", value, reason: "DescribeTasks cannot filter on ABORTED: showing errorCode=ABORTED (the aborted tasks) instead" },
    };
  }
  return null;
}
