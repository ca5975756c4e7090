import type { AnswerRecorder } from "@/lib/vod/recording-gateway";
import { normalizeTaskDetail } from "@/lib/vod/normalize-detail";
import type { StoreWriter } from "./store-writer";
import { rowFromDetail, rowFromUpstream } from "./task-row";

/** Turns what the gateway read into store rows on the writer's queue: tasks, and details with their outcome. */
export function storeRecorder(writer: StoreWriter): AnswerRecorder {
  return {
    tasks(subAppId, tasks) {
      return writer.tasks(tasks.map((task) => rowFromUpstream(subAppId, task)));
    },
    detail(subAppId, taskId, answer) {
      return writer.tasks([rowFromDetail(subAppId, normalizeTaskDetail(taskId, answer))]);
    },
  };
}
