"use client";
import { useWindowVirtualizer } from "@tanstack/react-virtual";
import { Fragment, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ColumnId } from "@/lib/client/table-columns";
import type { Density } from "@/lib/client/table-prefs";
import { PHONE_QUERY, useMediaQuery } from "@/lib/client/use-media-query";
import type { Task } from "@/lib/model/task";
import { columnsOf, hideClass, type CellContext, type Column } from "./columns";
import { GRID_CLASS, gridStyle } from "./grid-template";
import { CARD_HEADERS, CARD_HEIGHT, TaskCard } from "./task-card";

/** A row's height, which the virtualiser's estimate follows: compact fits the two lines of a time cell and little more. */
export const ROW_HEIGHT: Record<Density, number> = { comfortable: 48, compact: 36 };
/** The row's and header's side padding, the same for both so that the header lines up with the cells. */
const ROW_PADDING: Record<Density, string> = { comfortable: "px-3", compact: "px-2" };
/** The table's own sticky header: rows scrolled into view must clear it and the page's bar. */
const TABLE_HEADER_HEIGHT = 36;
/** The window the server renders for (it has none): a laptop screen's rows, which the browser's first render repeats. */
const SERVER_WINDOW = { width: 1280, height: 800 };

interface TaskTableProps {
  rows: Task[];
  context: CellContext;
  selectedIndex: number | null;
  onSelect: (index: number) => void;
  /** Asked for when the reader is within a screenful of the last loaded row. */
  onNearEnd: () => void;
  /** Changes whenever a page arrives, even an empty one, so that a type scan keeps going. */
  pageCount: number;
  busy: boolean;
  /** Rendered under the header: skeletons, the empty state, the end-of-list marker. */
  footer: ReactNode;
  /** The height of the page's sticky bar (0 where it does not stick): the table's header sticks under it. */
  stickyTop: number;
  /** The columns shown, in the reader's order (the phone's cards ignore them). */
  columns: readonly ColumnId[];
  density: Density;
}

/**
 * The task list as an ARIA table whose rows are virtualised against the window: only the rows
 * on screen (plus a margin) exist in the DOM, so ten thousand loaded tasks scroll like fifty.
 */
export function TaskTable({ rows, context, selectedIndex, onSelect, onNearEnd, pageCount, busy, footer, stickyTop, columns, density }: TaskTableProps) {
  const bodyRef = useRef<HTMLDivElement>(null);
  const scrollMargin = useOffsetTop(bodyRef);
  // On a phone the rows are cards, taller and without a column header above them.
  const phone = useMediaQuery(PHONE_QUERY);
  const rowHeight = phone ? CARD_HEIGHT : ROW_HEIGHT[density];
  const shown = useMemo(() => columnsOf(columns), [columns]);
  const grid = useMemo(() => gridStyle(shown), [shown]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  // A new getItemKey makes the virtualizer re-measure every row, 10,000 of them: only when the rows change.
  const getItemKey = useCallback((index: number) => rows[index]?.taskId ?? index, [rows]);
  const virtualizer = useWindowVirtualizer({
    count: rows.length,
    estimateSize,
    overscan: 12,
    scrollMargin,
    scrollPaddingStart: stickyTop + (phone ? 0 : TABLE_HEADER_HEIGHT),
    getItemKey,
    initialRect: SERVER_WINDOW,
  });
  useEffect(() => virtualizer.measure(), [virtualizer, rowHeight]);
  const items = virtualizer.getVirtualItems();
  const lastIndex = items.length ? items[items.length - 1].index : -1;

  useEffect(() => {
    if (rows.length > 0 && lastIndex >= rows.length - 20) onNearEnd();
  }, [lastIndex, rows.length, pageCount, onNearEnd]);

  useEffect(() => {
    if (selectedIndex !== null) virtualizer.scrollToIndex(selectedIndex, { align: "auto" });
  }, [selectedIndex, virtualizer]);

  // No overflow on this box: a box that scrolls sideways becomes what a sticky header sticks to,
  // and the header would then sit inside the table, over its first row, instead of under the bar.
  return (
    <div style={grid} className="rounded-lg border border-zinc-200 bg-white shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
      <div role="table" aria-label="Tasks" aria-rowcount={rows.length + 1} aria-busy={busy} className="text-sm">
        {phone ? (
          <div role="rowgroup" className="sr-only">
            <div role="row" aria-rowindex={1}>
              {CARD_HEADERS.map((header) => <div key={header} role="columnheader">{header}</div>)}
            </div>
          </div>
        ) : (
          <div role="rowgroup" data-testid="table-header" style={{ top: stickyTop }}
            className="sticky z-10 rounded-t-lg border-b border-zinc-200 bg-zinc-50 dark:border-zinc-800 dark:bg-zinc-900">
            <div role="row" aria-rowindex={1} className={`grid h-9 items-center gap-2 ${ROW_PADDING[density]} ${GRID_CLASS}`}>
              {shown.map((column) => (
                <div key={column.id} role="columnheader" title={column.description}
                  className={`truncate text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400 ${hideClass(column)}`}>
                  {column.header}
                </div>
              ))}
            </div>
          </div>
        )}
        <div role="rowgroup" ref={bodyRef} className="relative" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const props = { task: rows[item.index], index: item.index, context, selected: item.index === selectedIndex, onSelect, top: item.start - virtualizer.options.scrollMargin };
            return phone ? <TaskCard key={item.key} {...props} /> : <TaskRow key={item.key} {...props} columns={shown} density={density} />;
          })}
        </div>
      </div>
      {footer}
    </div>
  );
}

interface TaskRowProps {
  task: Task;
  index: number;
  context: CellContext;
  selected: boolean;
  onSelect: (index: number) => void;
  top: number;
  columns: readonly Column[];
  density: Density;
}

const TaskRow = memo(function TaskRow({ task, index, context, selected, onSelect, top, columns, density }: TaskRowProps) {
  return (
    <div role="row" aria-rowindex={index + 2} aria-current={selected ? "true" : undefined} data-task-id={task.taskId}
      onClick={() => { onSelect(index); context.openTask(task.taskId); }}
      className={`absolute left-0 top-0 grid w-full cursor-pointer items-center gap-2 border-b border-zinc-100 ${ROW_PADDING[density]} dark:border-zinc-800/70 ${GRID_CLASS} ${
        selected ? "bg-blue-50 shadow-[inset_3px_0_0_var(--color-blue-600)] dark:bg-blue-500/10" : "hover:bg-zinc-50 dark:hover:bg-zinc-800/40"}`}
      style={{ height: ROW_HEIGHT[density], transform: `translateY(${top}px)`, contain: "strict" }}>
      {columns.map((column) => <Fragment key={column.id}>{column.cell(task, context, hideClass(column))}</Fragment>)}
    </div>
  );
});

/** The element's distance from the top of the document, kept current as content above it changes size. */
function useOffsetTop(ref: React.RefObject<HTMLElement | null>): number {
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setOffset(element.getBoundingClientRect().top + window.scrollY);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [ref]);
  return offset;
}
