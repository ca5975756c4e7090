import { outcomeView } from "@/lib/client/outcome-view";
import type { Task } from "@/lib/model/task";

const STYLE = {
  success: "text-emerald-700 dark:text-emerald-300",
  failed: "text-rose-700 dark:text-rose-300",
  pending: "italic text-zinc-500 dark:text-zinc-400",
  none: "text-zinc-400 dark:text-zinc-500",
} as const;

const TITLE = {
  success: "DescribeTaskDetail says it succeeded",
  failed: "Failed",
  pending: "Finished; its outcome is still to be looked up with DescribeTaskDetail",
  none: "Not finished yet",
} as const;

/**
 * A task's outcome in words: "Success", "Failed" with its error code, "Pending" while a finished
 * task's lookup has not happened, "—" before it finishes. Only a success is green.
 */
export function OutcomeText({ task, className = "" }: { task: Pick<Task, "status" | "outcome" | "errorCode">; className?: string }) {
  const view = outcomeView(task);
  const title = view.state === "failed" && view.code ? `Failed: ${view.code}` : TITLE[view.state];
  return (
    <span title={title} data-outcome={view.state} className={`flex min-w-0 items-baseline gap-1 text-xs ${STYLE[view.state]} ${className}`}>
      <span className={view.state === "failed" ? "shrink-0 font-semibold" : "shrink-0"}>{view.label || "—"}</span>
      {view.code ? <span className="truncate font-mono text-[11px]" data-testid="outcome-code">{view.code}</span> : null}
    </span>
  );
}
