import type { HistorySpan } from "./history-span";

/** A task as the dashboard's API returns it: upstream's TaskSimpleInfo, normalised. */
export interface Task {
  taskId: string;
  taskType: string;
  /** WAITING, PROCESSING, FINISH or ABORTED; kept as given if upstream ever says something else. */
  status: string;
  fileId: string;
  /** ISO 8601 UTC; null means "not yet" (upstream's zero time or an empty string). */
  createTime: string | null;
  beginProcessTime: string | null;
  finishTime: string | null;
  sessionId: string;
  sessionContext: string;
  /**
   * success or failed once known (ABORTED is failed); null while unknown or unfinished. Present in
   * the task list's answers; the finished task's DescribeTaskDetail says, looked up in the background.
   */
  outcome?: Outcome;
  /** The failure's error code (ABORTED for an abort); null otherwise. */
  errorCode?: string | null;
}

export interface TaskPage {
  tasks: Task[];
  nextCursor: string | null;
  requestId: string;
  /** "history" on a page of tasks older than upstream's 72 hours, read from the task store. */
  source?: "history";
  /**
   * With a `type` filter only: the creation time (finish time, for a finish-time sort) of the last
   * task the server read for this page, matching or not: how far back the scan has got.
   */
  scannedThrough?: string | null;
  /**
   * For a view reaching back past upstream's 72 hours: the boundary before which its tasks come from
   * the task store (fixed at the first page), and how long the store keeps them. Absent otherwise.
   */
  history?: HistorySpan;
}

export type Outcome = "success" | "failed" | null;

export interface SubTaskResult {
  /** The result list the step came from: MediaProcess, AiContentReview, AiAnalysis, AiRecognition... */
  kind: string;
  /** The step's own type within its list: Transcode, Porn, Classification, FaceRecognition... */
  type: string;
  /** SUCCESS, FAIL, PROCESSING or WAITING; "" where the type has no status (the 2017 types). */
  status: string;
  errorCode: string | null;
  message: string;
  progress: number | null;
  /** The step's template (a transcode's definition), where upstream names it. */
  definition: number | null;
}

/** A task's detail from DescribeTaskDetail: the task, plus how it ended. */
export interface TaskDetail extends Task {
  /** success or failed once finished; null while it is not. */
  outcome: Outcome;
  errorCode: string | null;
  message: string;
  /** 0 to 100, or null when upstream does not say. */
  progress: number | null;
  subTasks: SubTaskResult[];
  requestId: string;
  /** "history": upstream no longer knows the task; this is the task store's copy (no steps). */
  source?: "history";
}

/**
 * What the server's mirror knows of a task now: enough to update a loaded row in place, its outcome
 * and error code included once the background lookup has learnt them (absent from older servers).
 */
export type TaskUpdate = Pick<Task, "taskId" | "taskType" | "status" | "fileId" | "createTime" | "beginProcessTime" | "finishTime" | "outcome" | "errorCode">;

export interface TaskUpdates {
  /** The requested tasks the mirror holds; a task it does not hold is left out. */
  tasks: TaskUpdate[];
  /** When the mirror last caught up with upstream. */
  syncedAt: string | null;
}
