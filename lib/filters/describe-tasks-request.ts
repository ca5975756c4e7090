import { isoSeconds } from "@/lib/model/iso-time";
import type { DescribeTasksRequest, TimeRange } from "@/lib/vod/wire";
import type { Sort, TaskQuery } from "./task-query";
import type { TimeBounds, TimeWindow } from "./time-window";

/** Upstream takes whole seconds; rounding up keeps After inclusive and Before exclusive. */
export function toUpstreamTime(ms: number): string {
  return isoSeconds(Math.ceil(ms / 1000) * 1000);
}

function toTimeRange(bounds: TimeBounds): TimeRange | undefined {
  if (bounds.after === undefined && bounds.before === undefined) return undefined;
  return {
    After: bounds.after === undefined ? undefined : toUpstreamTime(bounds.after),
    Before: bounds.before === undefined ? undefined : toUpstreamTime(bounds.before),
  };
}

const SORT_BY: Record<Sort, DescribeTasksRequest["Sort"]> = {
  "createTime:desc": { Field: "CreateTime", Order: "Desc" },
  "createTime:asc": { Field: "CreateTime", Order: "Asc" },
  "finishTime:desc": { Field: "FinishTime", Order: "Desc" },
  "finishTime:asc": { Field: "FinishTime", Order: "Asc" },
};

/**
 * The DescribeTasks request for one upstream page of a query. `type` is absent on purpose:
 * upstream cannot filter on it, so the server does while it pages.
 */
export function toDescribeTasksRequest(
  query: Pick<TaskQuery, "status" | "fileId" | "sort" | "subAppId">,
  window: TimeWindow,
  page: { limit: number; scrollToken?: string },
): DescribeTasksRequest {
  const request: DescribeTasksRequest = {
    SubAppId: query.subAppId,
    Status: query.status,
    FileId: query.fileId,
    CreateTime: toTimeRange(window.created),
    FinishTime: toTimeRange(window.finished),
    Sort: SORT_BY[query.sort],
    Limit: page.limit,
    ScrollToken: page.scrollToken,
  };
  // Absent fields are left out rather than sent as null, so equal requests serialise equally.
  return JSON.parse(JSON.stringify(request)) as DescribeTasksRequest;
}
