import { ArrowUpIcon } from "./icons";

/**
 * New tasks wait behind this pill instead of pushing the rows the reader is looking at; one
 * click shows them at the top.
 */
export function NewTasksPill({ count, beyondPage, onShow, top }: { count: number; beyondPage: boolean; onShow: () => void; top: number }) {
  if (count === 0) return null;
  const label = `${count}${beyondPage ? "+" : ""} new ${count === 1 && !beyondPage ? "task" : "tasks"}`;
  // Under the page's bar and the table's header, wherever they end on this screen.
  return (
    <div className="pointer-events-none sticky z-20 flex h-0 items-start justify-center" style={{ top: top + 44 }}>
      <button type="button" onClick={onShow} data-testid="new-tasks-pill"
        className="pointer-events-auto -translate-y-3 inline-flex items-center gap-1.5 rounded-full bg-blue-600 px-3 py-1 text-xs font-semibold text-white shadow-lg ring-1 ring-blue-700/40 hover:bg-blue-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-600">
        <ArrowUpIcon className="size-3.5" /> {label}
      </button>
    </div>
  );
}
