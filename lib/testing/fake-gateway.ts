import type { Gateway } from "@/lib/vod/gateway";
import type { UpstreamTask } from "@/lib/vod/response-shapes";
import type { DescribeTaskDetailRequest, DescribeTasksRequest } from "@/lib/vod/wire";

export function upstreamTask(id: string, fields: Partial<UpstreamTask> = {}): UpstreamTask {
  return {
    TaskId: id, TaskType: "Procedure", Status: "FINISH", FileId: "f1", CreateTime: "2026-11-28T10:00:00Z",
    BeginProcessTime: "2026-11-28T10:00:05Z", FinishTime: "2026-11-28T10:01:00Z", SessionId: "", SessionContext: "", ...fields,
  };
}

/**
 * A gateway over a fixed list of tasks that pages like upstream (inclusive ScrollToken = TaskId of
 * the next record) and records every request it is sent. Filtering is upstream's business and
 * is tested against the emulator; this fake only pages.
 */
export function fakeGateway(tasks: UpstreamTask[], detail?: (request: DescribeTaskDetailRequest) => Promise<Record<string, unknown>>) {
  const requests: DescribeTasksRequest[] = [];
  const gateway: Gateway = {
    async describeTasks(request) {
      requests.push(request);
      const start = request.ScrollToken ? tasks.findIndex((task) => task.TaskId === request.ScrollToken) : 0;
      const limit = request.Limit ?? 10;
      const page = tasks.slice(Math.max(0, start), Math.max(0, start) + limit);
      const next = tasks[Math.max(0, start) + limit];
      return { TaskSet: page, ScrollToken: next ? next.TaskId : "", RequestId: `req-${requests.length}` };
    },
    async describeTaskDetail(request) {
      if (!detail) throw new Error("no detail in this fake");
      return { RequestId: "req-detail", ...(await detail(request)) } as Awaited<ReturnType<Gateway["describeTaskDetail"]>>;
    },
  };
  return { gateway, requests };
}
