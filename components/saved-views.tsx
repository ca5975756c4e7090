"use client";
import Link from "next/link";
import { useId, useRef, useState, type FormEvent } from "react";
import { MAX_VIEW_NAME, viewLinks, viewQueryOf, type SavedView } from "@/lib/filters/saved-views";
import { useSavedViews } from "@/lib/client/use-saved-views";
import { useCopied } from "./copy-button";
import { buttonClass, controlClass } from "./filter-bar/styles";
import { CheckIcon, CloseIcon, CopyIcon } from "./icons";
import { usePopover } from "@/lib/client/use-popover";

interface SavedViewsProps {
  /** The page URL's query string now (what "Save" names). */
  search: string;
  /** DASHBOARD_SAVED_VIEWS: the team's views, beside this browser's own. */
  teamViews: readonly SavedView[];
}

const hrefOf = (view: SavedView) => (view.query ? `/?${view.query}` : "/");

/**
 * Named views: the current view (its URL query) saved under a name in this browser, the team's
 * views from the configuration beside them, each one click away, and all of them as a link list
 * to copy or download. A disclosure panel in the header; Esc or a click elsewhere closes it.
 */
export function SavedViews({ search, teamViews }: SavedViewsProps) {
  const { views, save, remove } = useSavedViews();
  const { open, setOpen, root, toggle } = usePopover();
  const [name, setName] = useState("");
  const [note, setNote] = useState<string | null>(null);
  const [copied, copy] = useCopied();
  const panelId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const current = viewQueryOf(search);


  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim().slice(0, MAX_VIEW_NAME);
    if (!trimmed) return;
    const replaced = views.some((view) => view.name === trimmed);
    setNote(save({ name: trimmed, query: current })
      ? `${replaced ? "Replaced" : "Saved"} "${trimmed}" in this browser.`
      : "This browser refused to keep it (storage is off or full).");
    setName("");
    nameRef.current?.focus();
  };

  const all = [...views, ...teamViews];
  const links = () => viewLinks(all, window.location.origin);
  const download = () => {
    const url = URL.createObjectURL(new Blob([links()], { type: "text/plain" }));
    const anchor = Object.assign(document.createElement("a"), { href: url, download: "vod-dashboard-views.txt" });
    anchor.click();
    setTimeout(() => URL.revokeObjectURL(url), 1_000);
  };

  const item = (view: SavedView, mine: boolean) => (
    <li key={`${mine ? "mine" : "team"}:${view.name}`} className="flex items-center gap-1">
      <Link href={hrefOf(view)} aria-current={view.query === current ? "page" : undefined} onClick={() => setOpen(false)}
        className="min-w-0 flex-1 truncate rounded px-1.5 py-1 text-sm hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 aria-[current=page]:font-semibold aria-[current=page]:text-blue-800 dark:hover:bg-zinc-800 dark:aria-[current=page]:text-blue-200"
        title={view.query ? `?${view.query}` : "every task, default settings"}>
        {view.name}
      </Link>
      {mine ? (
        <button type="button" aria-label={`Delete view ${view.name}`} onClick={() => remove(view.name)}
          className="rounded p-1 text-zinc-500 hover:text-rose-700 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-400 dark:hover:text-rose-300">
          <CloseIcon className="size-3.5" />
        </button>
      ) : null}
    </li>
  );

  return (
    <div ref={root} className="relative">
      <button ref={toggle} type="button" className={buttonClass} aria-expanded={open} aria-controls={panelId} onClick={() => setOpen(!open)} data-testid="saved-views-toggle">
        Views{all.length ? ` · ${all.length}` : ""}
      </button>
      {open ? (
        <div id={panelId} role="region" aria-label="Saved views" data-testid="saved-views"
          className="fixed inset-x-2 top-14 z-40 max-h-[70vh] overflow-y-auto rounded-lg border border-zinc-300 bg-white p-3 text-zinc-900 shadow-lg sm:absolute sm:inset-x-auto sm:right-0 sm:top-full sm:mt-1 sm:w-80 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
          <form onSubmit={submit} className="flex items-end gap-1.5">
            <div className="flex min-w-0 flex-1 flex-col gap-1">
              <label htmlFor={`${panelId}-name`} className="text-[11px] font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Name this view</label>
              <input ref={nameRef} id={`${panelId}-name`} value={name} maxLength={MAX_VIEW_NAME} onChange={(event) => setName(event.target.value)}
                placeholder="e.g. Failed today" className={`${controlClass} w-full`} autoComplete="off" />
            </div>
            <button type="submit" className={buttonClass} disabled={!name.trim()}>Save</button>
          </form>
          {note ? <p role="status" className="mt-1.5 text-xs text-zinc-600 dark:text-zinc-400">{note}</p> : null}
          <h2 className="mt-3 text-[11px] font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">In this browser</h2>
          {views.length ? <ul className="mt-1 space-y-0.5">{views.map((view) => item(view, true))}</ul>
            : <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">None yet: name the view above to keep it.</p>}
          {teamViews.length ? (
            <>
              <h2 className="mt-3 text-[11px] font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Team views</h2>
              <ul className="mt-1 space-y-0.5">{teamViews.map((view) => item(view, false))}</ul>
            </>
          ) : null}
          {all.length ? (
            <div className="mt-3 flex flex-wrap gap-1.5 border-t border-zinc-200 pt-2 dark:border-zinc-800">
              <button type="button" className={buttonClass} onClick={() => copy(links())} aria-live="polite">
                {copied ? <CheckIcon className="size-3.5 text-emerald-600" /> : <CopyIcon className="size-3.5" />} {copied ? "Copied" : "Copy as links"}
              </button>
              <button type="button" className={buttonClass} onClick={download}>Download list</button>
            </div>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
