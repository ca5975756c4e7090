import type { ReactNode } from "react";
import type { Task } from "@/lib/model/task";
import { CopyButton } from "../copy-button";
import { FileName } from "../file-names";
import { OutcomeText } from "../task-outcome";
import { StatusBadge } from "../task-status";
import { Cell, DurationCell, TextCell, TimeCell } from "./task-cells";

export interface CellContext {
  /** The Intl zone of the view; undefined is the browser's own. */
  zone: string | undefined;
  /** False while the browser's zone is not known yet (the server's render): times are laid out but hidden. */
  zoneReady: boolean;
  openTask: (taskId: string) => void;
  filterByFile: (fileId: string) => void;
}

export interface Column {
  id: string;
  header: string;
  /** What the column shows, for the header's tooltip. */
  description?: string;
  /**
   * Hides the column below a width (`max-lg:hidden`), so the table fits its screen instead of
   * scrolling sideways; every width's grid template (GRID_CLASS) lists exactly the columns shown.
   */
  hide?: string;
  /** The `role="cell"` element itself (see task-cells.tsx), so that a row has as few elements as it can. */
  cell: (task: Task, context: CellContext, className: string) => ReactNode;
}

/**
 * The grid of each width from `sm` up (below it the rows are cards, see task-card.tsx): the
 * flexible columns give way first, then whole columns go to the detail, so nothing scrolls sideways.
 * sm: ID, type, status, created; md: + wait, run; lg: + outcome, file ID; xl: + finished, session;
 * 2xl: + started. Below lg a failure still shows: the status badge says "Failed", its title the code.
 */
export const GRID_CLASS = [
  // Until the browser knows it is a phone (the server's render), the same four columns squeezed.
  "grid-cols-[minmax(0,1.6fr)_minmax(0,1fr)_auto_minmax(0,1fr)]",
  "sm:grid-cols-[minmax(150px,2fr)_minmax(90px,1fr)_116px_128px]",
  "md:grid-cols-[minmax(150px,2fr)_minmax(90px,1fr)_116px_128px_72px_80px]",
  "lg:grid-cols-[minmax(150px,2.2fr)_minmax(90px,1fr)_116px_minmax(92px,1.1fr)_minmax(100px,1.3fr)_128px_72px_80px]",
  "xl:grid-cols-[minmax(170px,2.2fr)_minmax(90px,1fr)_116px_minmax(92px,1.1fr)_minmax(100px,1.3fr)_128px_128px_72px_80px_minmax(110px,1.4fr)]",
  "2xl:grid-cols-[minmax(170px,2.2fr)_minmax(90px,1fr)_116px_minmax(92px,1.1fr)_minmax(100px,1.3fr)_128px_128px_128px_72px_80px_minmax(110px,1.4fr)]",
].join(" ");

export const COLUMNS: readonly Column[] = [
  {
    id: "taskId", header: "Task ID",
    cell: (task, { openTask }, className) => (
      <Cell className={`flex items-center gap-1 ${className}`}>
        <button type="button" onClick={(event) => { event.stopPropagation(); openTask(task.taskId); }}
          title={task.taskId} aria-label={`Open task ${task.taskId}`}
          className="truncate rounded font-mono text-xs text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300">
          {task.taskId}
        </button>
        <CopyButton text={task.taskId} label={`Copy task ID ${task.taskId}`} />
      </Cell>
    ),
  },
  { id: "type", header: "Type", cell: (task, _context, className) => <TextCell text={task.taskType} className={`text-xs ${className}`} /> },
  {
    id: "status", header: "Status",
    cell: (task, _context, className) => <Cell className={className}><StatusBadge status={task.status} outcome={task.outcome ?? null} errorCode={task.errorCode} /></Cell>,
  },
  {
    id: "outcome", header: "Outcome", description: "Success, failed with its error code, or pending until DescribeTaskDetail is read", hide: "max-lg:hidden",
    cell: (task, _context, className) => <Cell className={className}><OutcomeText task={task} /></Cell>,
  },
  {
    id: "fileId", header: "File ID", description: "The file's name (once known) over its ID; click to show only its tasks", hide: "max-lg:hidden",
    cell: (task, { filterByFile }, className) => !task.fileId ? <TextCell text="" className={className} /> : (
      <Cell className={`flex flex-col leading-tight ${className}`}>
        <FileName fileId={task.fileId} className="text-xs text-zinc-900 dark:text-zinc-100" />
        <button type="button" onClick={(event) => { event.stopPropagation(); filterByFile(task.fileId); }}
          title={`Show only tasks of file ${task.fileId}`}
          className="block max-w-full truncate rounded text-left font-mono text-[11px] text-zinc-600 underline decoration-zinc-300 decoration-dotted underline-offset-2 hover:text-blue-700 hover:decoration-blue-500 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-400 dark:decoration-zinc-600 dark:hover:text-blue-300">
          {task.fileId}
        </button>
      </Cell>
    ),
  },
  { id: "created", header: "Created", cell: (task, { zone, zoneReady }, className) => <TimeCell iso={task.createTime} zone={zone} zoneReady={zoneReady} className={className} /> },
  { id: "started", header: "Started", hide: "max-2xl:hidden", cell: (task, { zone, zoneReady }, className) => <TimeCell iso={task.beginProcessTime} zone={zone} zoneReady={zoneReady} className={className} /> },
  { id: "finished", header: "Finished", hide: "max-xl:hidden", cell: (task, { zone, zoneReady }, className) => <TimeCell iso={task.finishTime} zone={zone} zoneReady={zoneReady} className={className} /> },
  {
    id: "wait", header: "Wait", description: "Started − created; counting while waiting", hide: "max-md:hidden",
    cell: (task, _context, className) => <DurationCell from={task.createTime} to={task.beginProcessTime} live={task.status === "WAITING"} className={className} />,
  },
  {
    id: "run", header: "Run", description: "Finished − started; counting while processing", hide: "max-md:hidden",
    cell: (task, _context, className) => <DurationCell from={task.beginProcessTime} to={task.finishTime} live={task.status === "PROCESSING"} className={className} />,
  },
  {
    id: "session", header: "Session", description: "Session ID and context; the detail shows them whole", hide: "max-xl:hidden",
    cell: (task, _context, className) => !task.sessionId && !task.sessionContext ? <TextCell text="" className={className} /> : (
      <Cell className={`flex flex-col leading-tight ${className}`}>
        <span title={task.sessionId} className="truncate font-mono text-xs">{task.sessionId || "—"}</span>
        {task.sessionContext ? <span title={task.sessionContext} className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">{task.sessionContext}</span> : null}
      </Cell>
    ),
  },
];
