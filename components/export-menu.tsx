"use client";
import { useId } from "react";
import { EXPORT_CHOICES, exportHref } from "@/lib/client/export-href";
import { buttonClass } from "./filter-bar/styles";
import { usePopover } from "@/lib/client/use-popover";

interface ExportMenuProps {
  /** The view's list query, as the table asks /api/tasks with it (`viewQueries(...).list`). */
  listQuery: string;
  /** The task store's state from /api/health: the export reads the store, so it cannot answer while that is down. */
  storeOk: boolean | undefined;
}

const itemClass = "block rounded px-2 py-1.5 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-zinc-800";

/**
 * "Export": the current view's tasks, every filter as the table has them, downloaded as CSV or
 * NDJSON from GET /api/tasks/export. A disclosure in the header's view actions; Esc or a click
 * elsewhere closes it.
 */
export function ExportMenu({ listQuery, storeOk }: ExportMenuProps) {
  const { open, setOpen, root, toggle } = usePopover();
  const panelId = useId();


  return (
    <div ref={root} className="relative">
      <button ref={toggle} type="button" className={buttonClass} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)}
        data-testid="export-toggle" title="Download this view's tasks">
        Export
      </button>
      {open ? (
        <div id={panelId} role="region" aria-label="Export this view" data-testid="export-menu"
          className="fixed inset-x-2 top-14 z-40 rounded-lg border border-zinc-300 bg-white p-2 text-zinc-900 shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-1 sm:w-64 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
          {storeOk === false ? (
            <p className="px-2 py-1.5 text-sm text-amber-800 dark:text-amber-200">The export reads the dashboard&apos;s history store, which is unavailable now.</p>
          ) : (
            <ul>
              {EXPORT_CHOICES.map(({ format, label }) => (
                <li key={format}>
                  <a href={exportHref(listQuery, format)} download className={itemClass} data-testid={`export-${format}`} onClick={() => setOpen(false)}>{label}</a>
                </li>
              ))}
            </ul>
          )}
          <p className="px-2 pt-1 text-xs text-zinc-600 dark:text-zinc-400">Every task of this view, with its filters and sort.</p>
        </div>
      ) : null}
    </div>
  );
}
