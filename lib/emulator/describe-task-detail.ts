// DescribeTaskDetail: the common fields plus the type's own object, filled as upstream fills it.
import type { DescribeTaskDetailResponse } from "../vod/wire";
import { invalidValue, missing } from "./api-errors";
import { detailContext } from "./detail-context";
import { resolvePartition } from "./describe-tasks";
import { type Body, formatTime, optionalString, rejectUnknown } from "./params";
import { STATUS_NAMES } from "./partition";
import { type TaskStore, windowStartSec } from "./store";
import { TASK_TYPES } from "./task-types";
import { TYPE_DETAILS } from "./type-details";

export function describeTaskDetail(store: TaskStore, body: Body, nowMs: number): DescribeTaskDetailResponse {
  rejectUnknown(body, ["TaskId", "SubAppId"]);
  const taskId = optionalString(body, "TaskId");
  if (taskId === undefined) throw missing("TaskId");
  const part = resolvePartition(store, body);
  const i = store.findTask(part, taskId);
  if (i < 0 || part.create[i] < windowStartSec(nowMs)) {
    throw invalidValue("TaskId", `the task ${taskId} does not exist.`, "InvalidParameterValue.TaskId");
  }
  const type = TASK_TYPES[part.type[i]].name;
  const { key, build } = TYPE_DETAILS[type];
  return {
    TaskType: type,
    Status: STATUS_NAMES[part.status[i]],
    CreateTime: formatTime(part.create[i]),
    BeginProcessTime: formatTime(part.begin[i]),
    FinishTime: formatTime(part.finish[i]),
    [key]: build(detailContext(store.seed, part, i, taskId, Math.floor(nowMs / 1000))),
  };
}
