import { ArrowUpIcon } from "./icons";

/**
 * The pill's words: arrivals and tasks that moved into the view (an older task that now matches a
 * status filter) are counted apart, so that "new" means new.
 */
export function newTasksLabel(count: number, movedIn: number, beyondPage: boolean): string {
  const plural = (n: number, word: string) => `${word}${n === 1 ? "" : "s"}`;
  if (beyondPage) return `${count + movedIn}+ new tasks`;
  const arrived = count > 0 ? `${count} new ${plural(count, "task")}` : "";
  const moved = movedIn > 0 ? `${movedIn} older ${plural(movedIn, "task")} now in this view` : "";
  return [arrived, moved].filter(Boolean).join(" · ");
}

/**
 * New tasks wait behind this pill instead of pushing the rows the reader is looking at; one
 * click shows them in their place (new ones at the top).
 */
export function NewTasksPill({ count, movedIn = 0, beyondPage, onShow, top }: { count: number; movedIn?: number; beyondPage: boolean; onShow: () => void; top: number }) {
  if (count + movedIn === 0) return null;
  const label = newTasksLabel(count, movedIn, beyondPage);
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
