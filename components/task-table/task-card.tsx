"use client";
import { memo } from "react";
import { outcomeView } from "@/lib/client/outcome-view";
import type { Task } from "@/lib/model/task";
import { FileName } from "../file-names";
import { StatusBadge } from "../task-status";
import type { CellContext } from "./columns";
import { Age } from "./task-cells";

/** A card's height: two lines with room for a thumb (well over the 48 px a touch target needs). */
export const CARD_HEIGHT = 72;

/** The columns a card shows, in its cells' order; the detail has the rest. */
export const CARD_HEADERS = ["Task ID", "Status and outcome", "Type and file", "Created"];

interface TaskCardProps {
  task: Task;
  index: number;
  context: CellContext;
  selected: boolean;
  onSelect: (index: number) => void;
  top: number;
}

/**
 * A task on a phone: ID and status (told by its outcome, with a failure's error code) on the first line, type, file name and age on the second, the whole card
 * one tap target that opens the detail. Still a row of the same ARIA table, cell for cell.
 */
export const TaskCard = memo(function TaskCard({ task, index, context, selected, onSelect, top }: TaskCardProps) {
  return (
    <div role="row" aria-rowindex={index + 2} aria-current={selected ? "true" : undefined} data-task-id={task.taskId}
      onClick={() => { onSelect(index); context.openTask(task.taskId); }}
      className={`absolute left-0 top-0 grid w-full cursor-pointer grid-cols-[minmax(0,1fr)_auto] content-center gap-x-3 gap-y-1.5 border-b border-zinc-100 px-3 dark:border-zinc-800/70 ${
        selected ? "bg-blue-50 shadow-[inset_3px_0_0_var(--color-blue-600)] dark:bg-blue-500/10" : "active:bg-zinc-100 dark:active:bg-zinc-800/60"}`}
      style={{ height: CARD_HEIGHT, transform: `translateY(${top}px)`, contain: "strict" }}>
      <div role="cell" className="min-w-0">
        <button type="button" onClick={(event) => { event.stopPropagation(); onSelect(index); context.openTask(task.taskId); }}
          aria-label={`Open task ${task.taskId}`}
          className="block max-w-full truncate rounded py-0.5 font-mono text-[13px] text-blue-700 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300">
          {task.taskId}
        </button>
      </div>
      <div role="cell" className="flex min-w-0 items-center justify-self-end gap-1.5">
        {outcomeView(task).code ? <span className="max-w-28 truncate font-mono text-[11px] text-rose-700 dark:text-rose-300" data-testid="outcome-code">{outcomeView(task).code}</span> : null}
        <StatusBadge status={task.status} outcome={task.outcome ?? null} errorCode={task.errorCode} />
      </div>
      <div role="cell" className="flex min-w-0 gap-1.5 text-xs text-zinc-700 dark:text-zinc-300">
        <span className="shrink-0">{task.taskType || "—"}</span>
        <FileName fileId={task.fileId} className="min-w-0 text-zinc-500 dark:text-zinc-400" />
      </div>
      <div role="cell" className="justify-self-end text-xs tabular-nums text-zinc-600 dark:text-zinc-400">
        {task.createTime ? <Age iso={task.createTime} /> : "—"}
      </div>
    </div>
  );
});
