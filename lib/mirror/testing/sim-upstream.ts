import { ApiError } from "@/lib/api/errors";
import type { Gateway } from "@/lib/vod/gateway";
import type { UpstreamTask, UpstreamTaskDetail } from "@/lib/vod/response-shapes";
import { WINDOW_MS, ZERO_TIME, type DescribeTasksRequest } from "@/lib/vod/wire";

export interface SimTask {
  id: string;
  type: string;
  fileId: string;
  status: "WAITING" | "PROCESSING" | "FINISH" | "ABORTED";
  create: number;
  begin?: number;
  finish?: number;
  failed?: boolean;
}

const iso = (ms: number | undefined) => (ms === undefined ? ZERO_TIME : new Date(ms).toISOString().replace(".000Z", "Z"));
const ms = (text: string | undefined) => (text ? Date.parse(text) : undefined);

/**
 * An upstream whose tasks change over time, answering DescribeTasks as section 1 of the contract
 * says (filters, sort with TaskId tie-break, inclusive ScrollToken, 72-hour window, FINISH leaving
 * ABORTED out) and DescribeTaskDetail with an outcome. Times are whole seconds, like upstream's.
 */
export class SimUpstream {
  now: number;
  readonly tasks = new Map<string, SimTask>();
  readonly requests: DescribeTasksRequest[] = [];
  detailCalls = 0;
  /** While true every call fails, as an outage would. */
  down = false;
  private seq = 0;

  constructor(now: number) {
    this.now = Math.floor(now / 1_000) * 1_000;
  }

  add(fields: Partial<SimTask> & { create: number }): SimTask {
    const id = fields.id ?? `1500000001-${(fields.type ?? "Procedure").toLowerCase()}-${(this.seq++).toString(16).padStart(12, "0")}`;
    const task: SimTask = { id, type: "Procedure", fileId: `file-${this.seq % 50}`, status: "WAITING", ...fields, create: Math.floor(fields.create / 1_000) * 1_000 };
    this.tasks.set(id, task);
    return task;
  }

  start(task: SimTask, at = this.now): void {
    Object.assign(task, { status: "PROCESSING", begin: at });
  }

  end(task: SimTask, status: "FINISH" | "ABORTED" = "FINISH", options: { at?: number; failed?: boolean; withFinishTime?: boolean } = {}): void {
    task.begin ??= status === "FINISH" ? (options.at ?? this.now) : undefined;
    task.status = status;
    task.failed = options.failed ?? status === "ABORTED";
    task.finish = options.withFinishTime === false ? undefined : (options.at ?? this.now);
  }

  /** What upstream lists now: the tasks of the last 72 hours. */
  visible(): SimTask[] {
    const from = Math.ceil((this.now - WINDOW_MS) / 1_000) * 1_000;
    return [...this.tasks.values()].filter((task) => task.create >= from && task.create <= this.now);
  }

  describeTasks(request: DescribeTasksRequest): { TaskSet: UpstreamTask[]; ScrollToken: string; RequestId: string } {
    this.requests.push(request);
    if (this.down) throw new ApiError("UpstreamUnavailable", "The VOD API is unavailable (network error).");
    const field = request.Sort?.Field ?? "CreateTime";
    const sign = request.Sort?.Order === "Desc" ? -1 : 1;
    const key = (task: SimTask) => (field === "CreateTime" ? task.create : (task.finish ?? 0));
    const within = (value: number | undefined, range: DescribeTasksRequest["CreateTime"]) =>
      !range || (value !== undefined && (!range.After || value >= ms(range.After)!) && (!range.Before || value < ms(range.Before)!));
    const rows = this.visible()
      .filter((task) => (!request.Status || task.status === request.Status) && (!request.FileId || task.fileId === request.FileId))
      .filter((task) => within(task.create, request.CreateTime) && within(task.finish, request.FinishTime))
      .sort((a, b) => sign * (key(a) - key(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
    const start = request.ScrollToken ? rows.findIndex((task) => task.id === request.ScrollToken) : 0;
    const limit = request.Limit ?? 10;
    const page = start < 0 ? [] : rows.slice(start, start + limit);
    const next = start < 0 ? undefined : rows[start + limit];
    return { TaskSet: page.map((task) => this.wire(task)), ScrollToken: next?.id ?? "", RequestId: `sim-${this.requests.length}` };
  }

  describeTaskDetail(taskId: string): UpstreamTaskDetail {
    this.detailCalls++;
    if (this.down) throw new ApiError("UpstreamUnavailable", "The VOD API is unavailable (network error).");
    const task = this.visible().find((candidate) => candidate.id === taskId);
    if (!task) throw new ApiError("UpstreamRejected", "The VOD API refused the request.", { upstreamCode: "InvalidParameterValue.TaskId" });
    const failed = task.failed && task.status !== "WAITING" && task.status !== "PROCESSING";
    return {
      TaskType: task.type, Status: task.status, CreateTime: iso(task.create), BeginProcessTime: iso(task.begin), FinishTime: iso(task.finish),
      RequestId: "sim-detail",
      // As upstream reports it: the outcome is the transcode step's, ProcedureTask has no ErrCodeExt.
      [`${task.type}Task`]: { ErrCode: 0, Message: "", MediaProcessResultSet: [{ Type: "Transcode", TranscodeTask: {
        Status: failed ? "FAIL" : "SUCCESS", ErrCodeExt: failed ? "InternalError.Transcode" : "", ErrCode: failed ? 30010 : 0, Message: failed ? "transcode failed" : "SUCCESS" } }] },
    };
  }

  gateway(): Gateway {
    return {
      describeTasks: async (request) => this.describeTasks(request),
      describeTaskDetail: async (request) => this.describeTaskDetail(request.TaskId!),
    };
  }

  private wire(task: SimTask): UpstreamTask {
    return {
      TaskId: task.id, TaskType: task.type, Status: task.status, FileId: task.fileId, CreateTime: iso(task.create),
      BeginProcessTime: iso(task.begin), FinishTime: iso(task.finish), SessionId: "", SessionContext: "",
    };
  }
}
