// What every type's DescribeTaskDetail object is made from: the stored task, its outcome and files.
import type { DescribeTaskDetailResponse } from "../vod/wire";
import { formatFileId, formatSession } from "./ids";
import { type Partition, ST_FINISH, STATUS_NAMES } from "./partition";
import { isFailed, type Outcome, outcomeOf } from "./task-outcome";

/** The response fields that hold a type's own object, and that object as the SDK declares it. */
export type DetailKey = Exclude<keyof DescribeTaskDetailResponse, "TaskType" | "Status" | "CreateTime" | "BeginProcessTime" | "FinishTime" | "RequestId">;
export type SdkObject<K extends DetailKey> = NonNullable<DescribeTaskDetailResponse[K]>;

export interface DetailContext {
  part: Partition;
  i: number;
  nowSec: number;
  /** The fields every type object opens with. */
  base: { TaskId: string; Status: string; SessionId: string; SessionContext: string };
  outcome: Outcome;
  /** Finished without failure: only such a run has made its output. */
  succeeded: boolean;
  fileId: string;
  fileUrl: string;
  /** The file a successful run made. */
  madeFileId: string;
}

export function detailContext(seed: number, part: Partition, i: number, taskId: string, nowSec: number): DetailContext {
  const session = formatSession(seed, part.session[i]);
  const fileId = formatFileId(seed, part.file[i]);
  return {
    part,
    i,
    nowSec,
    base: { TaskId: taskId, Status: STATUS_NAMES[part.status[i]], SessionId: session.sessionId, SessionContext: session.sessionContext },
    outcome: outcomeOf(part, i, nowSec),
    succeeded: part.status[i] === ST_FINISH && !isFailed(part, i),
    fileId,
    fileUrl: `https://${part.subAppId}.vod2.myqcloud.com/${fileId.slice(-8)}/${fileId}/f0.mp4`,
    madeFileId: formatFileId(seed, part.file[i] + 1),
  };
}
