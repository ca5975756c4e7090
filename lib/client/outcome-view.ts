import type { SubTaskResult, Task } from "@/lib/model/task";
import { isFinalStatus } from "@/lib/model/status";

/**
 * What a row says of a task's outcome. FINISH does not mean success: until the background lookup
 * has read DescribeTaskDetail, a finished task is `pending`; a task still waiting or running has
 * no outcome yet (`none`). ABORTED is a failure with the code ABORTED, even before the list says so.
 */
export type OutcomeState = "success" | "failed" | "pending" | "none";

export interface OutcomeView {
  state: OutcomeState;
  /** The failure's error code; null unless failed. */
  code: string | null;
  /** The cell's words: "Success", "Failed", "Pending", or "" for none. */
  label: string;
}

export function outcomeView(task: Pick<Task, "status" | "outcome" | "errorCode">): OutcomeView {
  if (task.outcome === "failed" || task.status === "ABORTED") {
    return { state: "failed", code: task.errorCode ?? (task.status === "ABORTED" ? "ABORTED" : null), label: "Failed" };
  }
  if (task.outcome === "success") return { state: "success", code: null, label: "Success" };
  if (isFinalStatus(task.status)) return { state: "pending", code: null, label: "Pending" };
  return { state: "none", code: null, label: "" };
}

/**
 * A step's own outcome in the detail: upstream's SUCCESS and FAIL; a step without a status (the
 * 2017 types) failed when it has an error code, and succeeded when its task has ended without one.
 */
export function subTaskOutcome(sub: Pick<SubTaskResult, "status" | "errorCode">, taskEnded: boolean): { state: OutcomeState; label: string } {
  if (sub.status === "FAIL" || (sub.status === "" && sub.errorCode)) return { state: "failed", label: "Failed" };
  if (sub.status === "SUCCESS" || (sub.status === "" && taskEnded)) return { state: "success", label: "Success" };
  if (sub.status === "PROCESSING") return { state: "none", label: "Processing" };
  if (sub.status === "WAITING") return { state: "none", label: "Waiting" };
  return { state: "none", label: sub.status || "—" };
}
