// How a stored task looks on the wire (TaskSimpleInfo), shared by both actions.
import type { TaskSimpleInfo } from "../vod/wire";
import { formatFileId, formatSession } from "./ids";
import { type Partition, STATUS_NAMES } from "./partition";
import { formatTime } from "./params";
import type { TaskStore } from "./store";
import { TASK_TYPES } from "./task-types";

export function taskSimpleInfo(store: TaskStore, part: Partition, i: number): Required<TaskSimpleInfo> {
  const session = formatSession(store.seed, part.session[i]);
  return {
    TaskId: store.taskId(part, i),
    TaskType: TASK_TYPES[part.type[i]].name,
    Status: STATUS_NAMES[part.status[i]],
    FileId: formatFileId(store.seed, part.file[i]),
    CreateTime: formatTime(part.create[i]),
    BeginProcessTime: formatTime(part.begin[i]),
    FinishTime: formatTime(part.finish[i]),
    SessionId: session.sessionId,
    SessionContext: session.sessionContext,
  };
}
