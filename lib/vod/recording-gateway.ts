import { logEvent } from "@/lib/log";
import type { Gateway } from "./gateway";
import type { UpstreamTask, UpstreamTaskDetail } from "./response-shapes";

/**
 * Told of every answer upstream gives, once per answer (a shared answer is told once). A promise
 * in return asks the gateway to hold the caller until it resolves: the recorder is behind.
 */
export interface AnswerRecorder {
  tasks(subAppId: number | undefined, tasks: readonly UpstreamTask[]): Promise<void> | void;
  detail(subAppId: number | undefined, taskId: string, answer: UpstreamTaskDetail): Promise<void> | void;
}

/**
 * A gateway that tells a recorder what it read: every task of every page (the mirror's fill and
 * syncs, the list's head pages) and every detail (outcome lookups, the detail route), whoever
 * asked. The recorder only queues; it never fails the caller, and slows it only while the store
 * is behind.
 */
export function recordingGateway(inner: Gateway, recorder: () => AnswerRecorder | undefined): Gateway {
  const told = new WeakSet<object>();
  const tell = async (answer: object, record: (to: AnswerRecorder) => Promise<void> | void) => {
    const to = recorder();
    if (!to || told.has(answer)) return;
    told.add(answer);
    try {
      await record(to);
    } catch (error) {
      logEvent("error", "recording an upstream answer failed", { error: error instanceof Error ? error.message : String(error) });
    }
  };
  return {
    async describeTasks(request, options) {
      const page = await inner.describeTasks(request, options);
      await tell(page, (to) => to.tasks(request.SubAppId, page.TaskSet));
      return page;
    },
    async describeTaskDetail(request, options) {
      const answer = await inner.describeTaskDetail(request, options);
      await tell(answer, (to) => to.detail(request.SubAppId, request.TaskId!, answer));
      return answer;
    },
  };
}
