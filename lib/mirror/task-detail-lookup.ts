import { ApiError } from "@/lib/api/errors";
import type { TaskDetail } from "@/lib/model/task";
import type { Gateway } from "@/lib/vod/gateway";
import { normalizeTaskDetail } from "@/lib/vod/normalize-detail";
import type { Pacer } from "./pacer";
import { statusCode } from "./status-code";
import { upstreamMs, type TaskColumns } from "./task-columns";

/** A task's detail, or "gone" when upstream no longer knows it (it left the 72-hour window). */
export type LookupResult = TaskDetail | "gone";

/**
 * One paced DescribeTaskDetail call. The answer also moves the mirror's copy of the task forward,
 * since it is the freshest reading there is.
 */
export async function lookUpTask(gateway: Gateway, pacer: Pacer, subAppId: number | undefined, table: TaskColumns, taskId: string): Promise<LookupResult> {
  await pacer.next();
  let detail: TaskDetail;
  try {
    detail = normalizeTaskDetail(taskId, await gateway.describeTaskDetail({ TaskId: taskId, SubAppId: subAppId }, { maxAgeMs: 0 }));
  } catch (error) {
    if (error instanceof ApiError && error.upstreamCode === "InvalidParameterValue.TaskId") {
      const slot = table.slotOf(taskId);
      if (slot >= 0) table.remove(slot);
      return "gone";
    }
    throw error;
  }
  const slot = table.slotOf(taskId);
  if (slot >= 0) {
    table.advance(slot, statusCode(detail.status), upstreamMs(detail.beginProcessTime ?? ""), upstreamMs(detail.finishTime ?? ""));
  }
  return detail;
}
