import { describeError } from "@/lib/client/api-error";
import type { EmptyReason } from "@/lib/client/empty-view";
import { formatTimestamp } from "@/lib/client/format-time";
import type { FilterPatch } from "@/lib/client/view-query";
import { COLUMN_IDS, type ColumnId } from "@/lib/client/table-columns";
import { columnsOf, hideClass } from "./columns";
import { GRID_CLASS, gridStyle } from "./grid-template";

const buttonClass = "rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-800 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-zinc-700 dark:bg-zinc-800 dark:text-zinc-100 dark:hover:bg-zinc-700";

/** Rows of placeholders in the table's grid, for these columns (the default ones where the reader's are not known yet). */
export function SkeletonRows({ count = 12, columns = COLUMN_IDS }: { count?: number; columns?: readonly ColumnId[] }) {
  const shown = columnsOf(columns);
  return (
    <div aria-hidden="true" data-testid="table-skeleton" style={gridStyle(shown)}>
      {Array.from({ length: count }, (_, row) => (
        <div key={row} className={`grid h-12 items-center gap-2 border-b border-zinc-100 px-3 dark:border-zinc-800/70 ${GRID_CLASS}`}>
          {shown.map((column, cell) => (
            <div key={column.id} className={`h-3 rounded bg-zinc-200 motion-safe:animate-pulse dark:bg-zinc-800 ${hideClass(column)}`} style={{ width: `${55 + ((row * 7 + cell * 13) % 40)}%` }} />
          ))}
        </div>
      ))}
    </div>
  );
}

interface EmptyStateProps {
  onClear: () => void;
  filtered: boolean;
  scanned?: boolean;
  /** What narrows the view, each with the step that widens it (emptyViewReasons). */
  reasons?: EmptyReason[];
  onWiden?: (patch: FilterPatch) => void;
}

/** Why the view is empty, filter by filter, with a button that widens each; or that new tasks will show here. */
export function EmptyState({ onClear, filtered, scanned = false, reasons = [], onWiden }: EmptyStateProps) {
  return (
    <div className="flex flex-col items-center gap-2 px-4 py-16 text-center" data-testid="empty-state">
      <p className="text-sm font-medium">No tasks match this view</p>
      {scanned ? <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">Every task in this window was looked through for this type.</p> : null}
      {reasons.length && onWiden ? (
        <div className="max-w-xl text-sm text-zinc-600 dark:text-zinc-400">
          <p>It shows only tasks:</p>
          <ul className="mt-1 space-y-1" data-testid="empty-reasons">
            {reasons.map((reason) => (
              <li key={reason.action.label} className="flex flex-wrap items-center justify-center gap-x-2 gap-y-1">
                <span className="break-words">{reason.text}</span>
                <button type="button" className={buttonClass} onClick={() => onWiden(reason.action.patch)}>{reason.action.label}</button>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="max-w-md text-sm text-zinc-600 dark:text-zinc-400">
          {filtered ? "Widen the time range or clear the filters." : "New tasks will appear here as they arrive."}
        </p>
      )}
      {filtered ? <button type="button" className={buttonClass} onClick={onClear}>Clear filters</button> : null}
    </div>
  );
}

export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <div role="alert" className="flex flex-col items-center gap-2 px-4 py-16 text-center">
      <p className="text-sm font-medium text-rose-700 dark:text-rose-300">The tasks could not be loaded</p>
      <p className="max-w-xl break-words text-sm text-zinc-600 dark:text-zinc-400">{describeError(error)}</p>
      <button type="button" className={buttonClass} onClick={onRetry}>Retry</button>
    </div>
  );
}

interface ListEndProps {
  count: number;
  hasNextPage: boolean;
  loading: boolean;
  error: unknown;
  /** Loads the next page: after a failure, or when the reader asks before the table does. */
  onLoadMore: () => void;
  scanning: boolean;
  /** A type scan's progress: the time of the last task the server looked at (see TaskPage). */
  scannedThrough?: string | null;
  zone?: string;
}

/** " · looked through tasks back to 2026-12-03 04:12:00" while a type scan reads older pages. */
function scanProgress(scannedThrough: string | null | undefined, zone: string | undefined): string {
  return scannedThrough ? ` Looked through tasks back to ${formatTimestamp(scannedThrough, zone)} so far.` : "";
}

/**
 * Under the last row: a page loading, a failed page with its reason, more to load, or the end of
 * the list. Only a page that is actually loading spins: an animation that runs while nothing
 * happens makes the browser draw a frame for it every 16 ms, even far below the screen.
 */
export function ListEnd({ count, hasNextPage, loading, error, onLoadMore, scanning, scannedThrough, zone }: ListEndProps) {
  const base = "flex flex-wrap items-center justify-center gap-3 px-4 py-3 text-center text-xs text-zinc-600 dark:text-zinc-400";
  if (error) {
    return (
      <div role="alert" className={base}>
        <span>More tasks could not be loaded: {describeError(error)}</span>
        <button type="button" className={buttonClass} onClick={onLoadMore}>Retry</button>
      </div>
    );
  }
  if (loading) {
    return (
      <div className={base} data-testid="list-loading" aria-live="polite">
        <span className="size-3 rounded-full border-2 border-zinc-300 border-t-blue-600 motion-safe:animate-spin dark:border-zinc-700 dark:border-t-blue-400" aria-hidden="true" />
        {scanning ? `Looking through older tasks for this type…${scanProgress(scannedThrough, zone)} ${count.toLocaleString("en-US")} found.` : "Loading more tasks…"}
      </div>
    );
  }
  if (hasNextPage) {
    return (
      <div className={base} data-testid="list-more">
        <span>{count.toLocaleString("en-US")} {count === 1 ? "task" : "tasks"} loaded; more load as you scroll.{scanning ? scanProgress(scannedThrough, zone) : ""}</span>
        <button type="button" className={buttonClass} onClick={onLoadMore}>Load more</button>
      </div>
    );
  }
  return (
    <div className={base} data-testid="list-end">
      <span className="h-px w-12 bg-zinc-300 dark:bg-zinc-700" aria-hidden="true" />
      End of list · {count.toLocaleString("en-US")} {count === 1 ? "task" : "tasks"}{scanning ? " · the whole window was looked through" : ""}
      <span className="h-px w-12 bg-zinc-300 dark:bg-zinc-700" aria-hidden="true" />
    </div>
  );
}
