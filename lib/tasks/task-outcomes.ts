import "server-only";
import { mirrorFor } from "@/lib/mirror/registry";
import type { Task, TaskPage } from "@/lib/model/task";

/**
 * Every task of a list page with its outcome and error code: what the page already carries (the
 * store's), else what the app's mirror has learnt, else ABORTED's implied failure, else null
 * (unknown, or not finished).
 */
export function withOutcomes(page: TaskPage, subAppId: number | undefined): TaskPage {
  const mirror = mirrorFor(subAppId);
  const outcomeOf = (task: Task): Pick<Task, "outcome" | "errorCode"> => {
    if (task.outcome) return { outcome: task.outcome, errorCode: task.errorCode ?? null };
    const known = mirror.outcomeOf(task.taskId);
    if (known.outcome) return known;
    return task.status === "ABORTED" ? { outcome: "failed", errorCode: "ABORTED" } : { outcome: null, errorCode: null };
  };
  return { ...page, tasks: page.tasks.map((task) => ({ ...task, ...outcomeOf(task) })) };
}
