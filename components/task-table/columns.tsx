import type { ReactNode } from "react";
import { TABLE_COLUMNS, type ColumnId } from "@/lib/client/table-columns";
import type { Task } from "@/lib/model/task";
import { CopyButton } from "../copy-button";
import { FileName } from "../file-names";
import { OutcomeText } from "../task-outcome";
import { StatusBadge } from "../task-status";
import { Cell, DurationCell, TextCell, TimeCell } from "./task-cells";
import { HIDE_BELOW, type GridColumn } from "./grid-template";

export interface CellContext {
  /** The Intl zone of the view; undefined is the browser's own. */
  zone: string | undefined;
  /** False while the browser's zone is not known yet (the server's render): times are laid out but hidden. */
  zoneReady: boolean;
  openTask: (taskId: string) => void;
  filterByFile: (fileId: string) => void;
}

export interface Column extends GridColumn {
  id: ColumnId;
  header: string;
  /** What the column shows, for the header's tooltip. */
  description?: string;
  /** The `role="cell"` element itself (see task-cells.tsx), so that a row has as few elements as it can. */
  cell: (task: Task, context: CellContext, className: string) => ReactNode;
}

type ColumnLook = Omit<Column, "id" | "header">;

/**
 * How each column shows, and from which width (`from`): below it the column gives way, so that the
 * table fits its screen instead of scrolling sideways (below `sm` the rows are cards, see task-card.tsx).
 * sm: ID, type, status, created; md: + wait, run; lg: + outcome, file ID; xl: + finished, session;
 * 2xl: + started. Below lg a failure still shows: the status badge says "Failed", its title the code.
 * The flexible tracks give way first; "base" is the server's render before the browser knows it is a phone.
 */
const LOOKS = {
  taskId: {
    tracks: { base: "minmax(0,1.6fr)", sm: "minmax(150px,2fr)", lg: "minmax(150px,2.2fr)", xl: "minmax(170px,2.2fr)" },
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
  type: { tracks: { base: "minmax(0,1fr)", sm: "minmax(90px,1fr)" }, cell: (task, _context, className) => <TextCell text={task.taskType} className={`text-xs ${className}`} /> },
  status: {
    tracks: { base: "auto", sm: "116px" },
    cell: (task, _context, className) => <Cell className={className}><StatusBadge status={task.status} outcome={task.outcome ?? null} errorCode={task.errorCode} /></Cell>,
  },
  outcome: {
    description: "Success, failed with its error code, or pending until DescribeTaskDetail is read", from: "lg", tracks: { lg: "minmax(92px,1.1fr)" },
    cell: (task, _context, className) => <Cell className={className}><OutcomeText task={task} /></Cell>,
  },
  fileId: {
    description: "The file's name (once known) over its ID; click to show only its tasks", from: "lg", tracks: { lg: "minmax(100px,1.3fr)" },
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
  created: { tracks: { base: "minmax(0,1fr)", sm: "128px" }, cell: (task, { zone, zoneReady }, className) => <TimeCell iso={task.createTime} zone={zone} zoneReady={zoneReady} className={className} /> },
  started: { from: "2xl", tracks: { "2xl": "128px" }, cell: (task, { zone, zoneReady }, className) => <TimeCell iso={task.beginProcessTime} zone={zone} zoneReady={zoneReady} className={className} /> },
  finished: { from: "xl", tracks: { xl: "128px" }, cell: (task, { zone, zoneReady }, className) => <TimeCell iso={task.finishTime} zone={zone} zoneReady={zoneReady} className={className} /> },
  wait: {
    description: "Started − created; counting while waiting", from: "md", tracks: { md: "72px" },
    cell: (task, _context, className) => <DurationCell from={task.createTime} to={task.beginProcessTime} live={task.status === "WAITING"} className={className} />,
  },
  run: {
    description: "Finished − started; counting while processing", from: "md", tracks: { md: "80px" },
    cell: (task, _context, className) => <DurationCell from={task.beginProcessTime} to={task.finishTime} live={task.status === "PROCESSING"} className={className} />,
  },
  session: {
    description: "Session ID and context; the detail shows them whole", from: "xl", tracks: { xl: "minmax(110px,1.4fr)" },
    cell: (task, _context, className) => !task.sessionId && !task.sessionContext ? <TextCell text="" className={className} /> : (
      <Cell className={`flex flex-col leading-tight ${className}`}>
        <span title={task.sessionId} className="truncate font-mono text-xs">{task.sessionId || "—"}</span>
        {task.sessionContext ? <span title={task.sessionContext} className="truncate text-[11px] text-zinc-500 dark:text-zinc-400">{task.sessionContext}</span> : null}
      </Cell>
    ),
  },
} satisfies Record<ColumnId, ColumnLook>;

/** Every column, by id, with its header from the one list (lib/client/table-columns.ts). */
export const COLUMNS = Object.fromEntries(
  TABLE_COLUMNS.map(({ id, label }) => [id, { ...LOOKS[id], id, header: label } satisfies Column]),
) as Record<ColumnId, Column>;

/** The columns of these ids, in this order. */
export function columnsOf(ids: readonly ColumnId[]): Column[] {
  return ids.map((id) => COLUMNS[id]);
}

/** The class that hides a column where the screen is too narrow for it ("" where it always shows). */
export function hideClass(column: Column): string {
  return column.from ? HIDE_BELOW[column.from] : "";
}
