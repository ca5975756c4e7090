import type { ReactNode } from "react";
import type { Task } from "@/lib/model/task";
import { CopyButton } from "../copy-button";
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
  /** The `role="cell"` element itself (see task-cells.tsx), so that a row has as few elements as it can. */
  cell: (task: Task, context: CellContext) => ReactNode;
}

/** Fits a 1280px laptop screen without horizontal scrolling; the flexible columns give way first. */
export const GRID_TEMPLATE =
  "minmax(170px,2.2fr) minmax(90px,1fr) 116px minmax(100px,1.3fr) 128px 128px 128px 72px 80px minmax(110px,1.4fr)";
/** The sum of the columns' minimum widths, gaps and padding: below it the table scrolls sideways. */
export const TABLE_MIN_WIDTH = 1_216;

export const COLUMNS: readonly Column[] = [
  {
    id: "taskId", header: "Task ID",
    cell: (task, { openTask }) => (
      <Cell className="flex items-center gap-1">
        <button type="button" onClick={(event) => { event.stopPropagation(); openTask(task.taskId); }}
          title={task.taskId} aria-label={`Open task ${task.taskId}`}
          className="truncate rounded font-mono text-xs text-blue-700 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300">
          {task.taskId}
        </button>
        <CopyButton text={task.taskId} label={`Copy task ID ${task.taskId}`} />
      </Cell>
    ),
  },
  { id: "type", header: "Type", cell: (task) => <TextCell text={task.taskType} className="text-xs" /> },
  { id: "status", header: "Status", cell: (task) => <Cell><StatusBadge status={task.status} /></Cell> },
  {
    id: "fileId", header: "File ID", description: "Click a file ID to show only its tasks",
    cell: (task, { filterByFile }) => !task.fileId ? <TextCell text="" /> : (
      <Cell>
        <button type="button" onClick={(event) => { event.stopPropagation(); filterByFile(task.fileId); }}
          title={`Show only tasks of file ${task.fileId}`}
          className="block max-w-full truncate rounded font-mono text-xs text-zinc-700 underline decoration-zinc-300 decoration-dotted underline-offset-2 hover:text-blue-700 hover:decoration-blue-500 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:decoration-zinc-600 dark:hover:text-blue-300">
          {task.fileId}
        </button>
      </Cell>
    ),
  },
  { id: "created", header: "Created", cell: (task, { zone, zoneReady }) => <TimeCell iso={task.createTime} zone={zone} zoneReady={zoneReady} /> },
  { id: "started", header: "Started", cell: (task, { zone, zoneReady }) => <TimeCell iso={task.beginProcessTime} zone={zone} zoneReady={zoneReady} /> },
  { id: "finished", header: "Finished", cell: (task, { zone, zoneReady }) => <TimeCell iso={task.finishTime} zone={zone} zoneReady={zoneReady} /> },
  {
    id: "wait", header: "Wait", description: "Started − created; counting while waiting",
    cell: (task) => <DurationCell from={task.createTime} to={task.beginProcessTime} live={task.status === "WAITING"} />,
  },
  {
    id: "run", header: "Run", description: "Finished − started; counting while processing",
    cell: (task) => <DurationCell from={task.beginProcessTime} to={task.finishTime} live={task.status === "PROCESSING"} />,
  },
  {
    id: "session", header: "Session", description: "Session ID and context; the detail shows them whole",
    cell: (task) => !task.sessionId && !task.sessionContext ? <TextCell text="" /> : (
      <Cell className="flex flex-col leading-tight">
        <span title={task.sessionId} className="truncate font-mono text-xs">{task.sessionId || "—"}</span>
        {task.sessionContext ? <span title={task.sessionContext} className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">{task.sessionContext}</span> : null}
      </Cell>
    ),
  },
];
