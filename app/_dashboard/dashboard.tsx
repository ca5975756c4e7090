"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FilterBar } from "@/components/filter-bar/filter-bar";
import { ExportMenu } from "@/components/export-menu";
import { GoToId } from "@/components/go-to-id";
import { HistoryNotice } from "@/components/history-notice";
import { LiveStatus } from "@/components/live-status";
import { ModeBadge } from "@/components/mode-badge";
import { buttonClass } from "@/components/filter-bar/styles";
import { ColumnsMenu } from "@/components/columns-menu";
import { HelpIcon } from "@/components/icons";
import { SavedViews } from "@/components/saved-views";
import { ShortcutsDialog } from "@/components/shortcuts-dialog";
import { SignedInAs } from "@/components/signed-in-as";
import { NewTasksPill } from "@/components/new-tasks-pill";
import { StaleBanner } from "@/components/stale-banner";
import { StoreBanner } from "@/components/store-banner";
import { FileNamesContext } from "@/components/file-names";
import { TaskDetailDrawer } from "@/components/task-detail-drawer";
import type { CellContext } from "@/components/task-table/columns";
import { TaskTable } from "@/components/task-table/task-table";
import { ThemeToggle } from "@/components/theme-toggle";
import { UrlNotice } from "@/components/url-notice";
import { ViewActions } from "@/components/view-actions";
import { healthOptions, statsOptions } from "@/lib/client/dashboard-queries";
import { seedListFailure, type ListFailure } from "@/lib/client/task-queries";
import { emptyViewReasons } from "@/lib/client/empty-view";
import { filterByFileName } from "@/lib/client/file-name-filter";
import { formatTimestamp, resolveZone } from "@/lib/client/format-time";
import { historyNotice } from "@/lib/client/history-notice";
import { storeOutageText } from "@/lib/client/store-outage";
import { visibleColumns } from "@/lib/client/table-prefs";
import { useHydrated } from "@/lib/client/use-hydrated";
import { useClockText } from "@/lib/client/use-now";
import { useStickyHeight } from "@/lib/client/use-sticky-height";
import { useTablePrefs } from "@/lib/client/use-table-prefs";
import { hasFilters, viewQueries, type FilterPatch } from "@/lib/client/view-query";
import { freezeWindow, isFrozen } from "@/lib/filters/freeze";
import { parseTimeExpression } from "@/lib/filters/time-expression";
import { presetsFor } from "@/lib/filters/time-presets";
import { isoSeconds } from "@/lib/model/iso-time";
import { reversedRanges, type ReversedRange } from "@/lib/filters/time-window";
import { REFRESH_CHOICES } from "@/lib/model/refresh";
import type { DashboardConfig } from "@/lib/model/dashboard-config";
import { ignoredParams, type IgnoredParam } from "./ignored-params";
import { statusAlias } from "./status-alias";
import { refreshIntervalMs, SUGGESTED_ZONES } from "./page-params";
import { TableFooter } from "./table-footer-state";
import { useDashboardUrl } from "./use-dashboard-url";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { FileNameNote } from "./file-name-note";
import { useMediaNames } from "./use-media-names";
import { useTaskFeed } from "./use-task-feed";

// Recharts is the heaviest dependency of the page and sits below the fold's first glance: load it after the table.
const StatsPanel = dynamic(() => import("@/components/charts/stats-panel").then((module) => module.StatsPanel), {
  ssr: false,
  loading: () => <div className="h-[27rem] rounded-lg border border-dashed border-zinc-300 dark:border-zinc-700" aria-hidden="true" />,
});

/** While the name filter narrows the loaded rows, more pages load from the footer's button, not by themselves. */
const noMore = () => undefined;

/** The bar's height before the browser measures it: one line, as on a laptop. */
const BAR_HEIGHT = 56;

/** `renderFailure`: the server's render found the upstream failing (see prefetchFirstPage). */
export function Dashboard({ renderFailure, config }: { renderFailure?: ListFailure; config: DashboardConfig }) {
  const { filters, setFilters, page, setPage } = useDashboardUrl();
  const presets = useMemo(() => presetsFor(config.historyDays), [config.historyDays]);
  const [paused, setPaused] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const goToRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLElement>(null);
  const stickyTop = useStickyHeight(headerRef, BAR_HEIGHT);
  // This browser's columns and density: a preference of the reader, not part of the view (so not in the URL).
  const table = useTablePrefs();
  const columns = useMemo(() => visibleColumns(table.prefs), [table.prefs]);

  const health = useQuery(healthOptions());
  const offered = health.data?.subAppIds;
  const subAppIds = useMemo(() => offered ?? (health.isError ? [] : undefined), [offered, health.isError]);
  // A range that ends before it starts is named beside its fields and left out, rather than failing every request.
  // Read against the shared clock, re-rendering only when the answer changes (a relative bound can overtake an absolute one).
  const reversedText = useClockText((nowMs) => JSON.stringify(reversedRanges(filters, nowMs)), "[]");
  const reversed = useMemo(() => JSON.parse(reversedText) as ReversedRange[], [reversedText]);
  const viewFilters = reversed.length ? { ...filters, ...Object.fromEntries(reversed.map((range) => [range.param, null])) } : filters;
  const view = viewQueries(viewFilters, subAppIds);
  const search = useSearchParams();
  const problems = useMemo(() => {
    // A status the link meant as an outcome is told by its own note (aliasNote), not as ignored.
    const found = ignoredParams(new URLSearchParams(search.toString())).filter((problem) => !(problem.param === "status" && statusAlias(new URLSearchParams(search.toString()))));
    if (filters.subAppId !== null && subAppIds !== undefined && !subAppIds.includes(filters.subAppId)) {
      found.push({ param: "subAppId", value: String(filters.subAppId), reason: `not an app this dashboard offers; showing ${subAppIds[0] ?? "the default app"}` });
    }
    return found;
  }, [search, filters.subAppId, subAppIds]);
  const intervalMs = refreshIntervalMs(page.refresh, paused);
  // The server cannot know the browser's zone: until hydrated, "local" renders as UTC with the
  // table's times hidden, so that the server's HTML and the browser's first render agree.
  const hydrated = useHydrated();
  const chosenZone = resolveZone(page.tz);
  const zoneReady = hydrated || chosenZone !== undefined;
  const zone = zoneReady ? chosenZone : "UTC";
  const client = useQueryClient();
  // Once, before the list's first render, on the server and in the browser alike (so both render "failing").
  useState(() => {
    if (renderFailure && view.ready) seedListFailure(client, view.list, renderFailure);
  });
  const feed = useTaskFeed(view.list, view.subAppId, intervalMs, view.ready, filters.sort);
  const stats = useQuery({ ...statsOptions(view.stats, intervalMs), enabled: view.ready });
  const { list } = feed;
  const names = useMediaNames(list.data?.pages, view.subAppId, view.ready);
  // The name filter narrows the loaded rows only: upstream cannot filter by name.
  const rows = useMemo(() => filterByFileName(feed.rows, names, filters.fileName), [feed.rows, names, filters.fileName]);
  // Which part of the view comes from the store, and whether the store answers (the header's health poll says).
  const storeOk = health.data?.store?.ok;
  const storeOutage = useClockText((nowMs) => storeOutageText(health.data, zone, nowMs) ?? "", "");
  const fromHistory = historyNotice({ list: list.data?.pages[0]?.history, stats: stats.isPlaceholderData ? undefined : stats.data?.history,
    statsCounted: stats.data?.coverage.history, storeOk, wholeList: viewFilters.outcome !== null || viewFilters.errorCode !== null, zone });

  // A link's status=FAILED (or ABORTED) leads to the filter that means it, and the notice says so until the filters change.
  const alias = useMemo(() => statusAlias(new URLSearchParams(search.toString())), [search]);
  const [aliasNote, setAliasNote] = useState<IgnoredParam | null>(null);
  if (alias && aliasNote !== alias.note && aliasNote?.value !== alias.note.value) setAliasNote(alias.note);
  useEffect(() => {
    if (alias) void setFilters(alias.patch, { history: "replace" });
  }, [alias, setFilters]);
  const changeFilters = useCallback((patch: FilterPatch, typing = false) => {
    setSelected(null);
    setAliasNote(null);
    void setFilters(patch, typing ? { history: "replace" } : undefined);
  }, [setFilters]);
  // A code of the errors table lists its failed tasks, whatever status or outcome was chosen.
  // "Around this time": a chart's bucket becomes the view's window, fixed, and the list follows it.
  const pickBucket = useCallback((patch: FilterPatch) => changeFilters(patch), [changeFilters]);
  const pickErrorCode = useCallback((errorCode: string | null) => changeFilters({ errorCode, status: null, outcome: null }), [changeFilters]);
  const openTask = useCallback((taskId: string) => void setPage({ task: taskId }), [setPage]);
  // Closing replaces the entry that opened the detail: Back then leads to where the reader was before, not into the detail again.
  const closeTask = useCallback(() => void setPage({ task: null }, { history: "replace" }), [setPage]);
  const filterByFile = useCallback((fileId: string) => {
    changeFilters({ fileId });
    void setPage({ task: null });
  }, [changeFilters, setPage]);
  // The go-to box's destination: filters (the app, or a file) and the task whose detail opens, in one history entry.
  const goTo = useCallback((target: { filters: FilterPatch; task: string | null }) => {
    changeFilters(target.filters);
    void setPage({ task: target.task });
  }, [changeFilters, setPage]);
  const context = useMemo<CellContext>(() => ({ zone, zoneReady, openTask, filterByFile }), [zone, zoneReady, openTask, filterByFile]);

  const freeze = () => changeFilters(freezeWindow(filters, Date.now()));
  const togglePause = () => {
    if (paused) feed.refreshNow();
    setPaused(!paused);
  };
  const showNewTasks = () => {
    feed.showNewTasks();
    setSelected(null);
    const top = tableRef.current?.getBoundingClientRect().top ?? 0;
    if (top < 0) window.scrollBy({ top: top - 72 });
  };
  const onNearEnd = useCallback(() => {
    if (list.hasNextPage && !list.isFetchingNextPage && !list.isFetchNextPageError) void list.fetchNextPage();
  }, [list]);

  // A type filter reads upstream page by page and may find nothing for a while: keep going by
  // itself until a page's worth has been found or the window is exhausted (the footer says how far it got).
  const scanning = filters.type !== null;
  // So does a view reaching into history, whose pages hold fewer rows where upstream's part and the store's meet
  // (an oldest-first view opens on the store's part, empty when the store holds nothing that old).
  const filling = scanning || list.data?.pages[0]?.history !== undefined;
  useEffect(() => {
    if (filling && feed.rows.length < filters.limit && list.hasNextPage && !list.isFetching && !list.isFetchNextPageError) void list.fetchNextPage();
  }, [filling, feed.rows.length, filters.limit, list]);

  /** Moves the highlight; with the detail open, the detail follows it (without a history entry per step). */
  const move = (step: 1 | -1) => {
    const current = selected ?? (page.task ? rows.findIndex((row) => row.taskId === page.task) : -1);
    const next = current === -1 ? 0 : Math.min(rows.length - 1, Math.max(0, current + step));
    setSelected(next);
    if (page.task && rows[next]) void setPage({ task: rows[next].taskId }, { history: "replace" });
  };

  useKeyboardShortcuts({
    focusSearch: () => searchRef.current?.focus(),
    focusGoTo: () => goToRef.current?.focus(),
    help: () => setHelpOpen(true),
    next: () => move(1),
    previous: () => move(-1),
    open: () => { if (selected !== null && rows[selected]) openTask(rows[selected].taskId); },
    close: () => { if (page.task) closeTask(); },
    togglePause: () => { if (page.refresh !== "off") togglePause(); },
    arrows: page.task !== null,
  });

  const emptyReasons = emptyViewReasons(viewFilters, config.historyDays, (text) => {
    const at = parseTimeExpression(text);
    return at?.kind === "absolute" ? formatTimestamp(isoSeconds(at.ms), zone) : text;
  });
  const clearFilters = () => changeFilters(Object.fromEntries(Object.keys(filters).map((key) => [key, null])));
  // While the detail is open the page behind it is inert: no focus, no clicks, nothing for a screen reader but the dialog.
  const behindDialog = page.task !== null;
  return (
    <FileNamesContext value={names}>
    <div>
      <header ref={headerRef} inert={behindDialog} className="z-30 border-b border-zinc-200 bg-white sm:sticky sm:top-0 dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex min-h-14 max-w-[1800px] flex-wrap items-center gap-x-3 gap-y-2 px-4 py-2">
          <h1 className="text-base font-semibold tracking-tight">VOD tasks</h1>
          <ModeBadge health={health.data} />
          <nav aria-label="Pages">
            <Link href="/oncall" className="rounded text-sm font-medium text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-blue-300">
              On-call view
            </Link>
          </nav>
          <GoToId subAppIds={health.data?.subAppIds ?? []} currentSubAppId={view.subAppId} onNavigate={goTo} zone={zone} inputRef={goToRef} />
          {/* Beside the title on a phone, last on the line from `sm` up. */}
          <div className="ml-auto sm:order-last sm:ml-0"><ThemeToggle /></div>
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2 sm:ml-auto">
            <LiveStatus updatedAt={feed.updatedAt} refreshing={feed.refreshing} failing={feed.failing} zone={zone}
              refresh={page.refresh} choices={REFRESH_CHOICES} onRefreshChange={(refresh) => void setPage({ refresh })}
              paused={paused} onTogglePause={togglePause} />
            <ViewActions frozen={isFrozen(filters)} onFreeze={freeze} zone={page.tz} zones={SUGGESTED_ZONES}
              onZoneChange={(tz) => void setPage({ tz })} />
            <ExportMenu listQuery={view.list} storeOk={storeOk} />
            <ColumnsMenu prefs={table.prefs} onChange={table.change} onReset={table.reset} />
            <SavedViews search={search.toString()} teamViews={config.teamViews} />
            <button type="button" className={buttonClass} onClick={() => setHelpOpen(true)} aria-haspopup="dialog" aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
              <HelpIcon className="size-3.5" /><span aria-hidden="true" className="max-sm:hidden">?</span>
            </button>
            <SignedInAs />
          </div>
        </div>
      </header>
      <main inert={behindDialog} className="mx-auto max-w-[1800px] space-y-4 px-4 py-4">
        <UrlNotice problems={aliasNote ? [aliasNote, ...problems] : problems} />
        <StoreBanner text={storeOutage || null} />
        <FilterBar filters={filters} onChange={changeFilters} onClear={clearFilters} reversed={reversed}
          statusCounts={stats.data?.byStatus} failedCount={stats.data?.coverage.outcomes?.failed} seenTypes={stats.data?.byType.map((entry) => entry.type) ?? []}
          subAppIds={health.data?.subAppIds ?? []} zone={zone} searchRef={searchRef} filtered={hasFilters(filters)} presets={presets} />
        {feed.refreshError && list.data ? <StaleBanner error={feed.refreshError} onRetry={feed.refreshNow} retrying={feed.refreshing} /> : null}
        <HistoryNotice notice={fromHistory} />
        <StatsPanel stats={stats.data} error={stats.error} zone={zone} errorCode={filters.errorCode} onPickErrorCode={pickErrorCode} onPickBucket={pickBucket} />
        <div ref={tableRef}>
          {filters.sort.endsWith(":asc") ? (
            <p role="note" data-testid="ascending-note" className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
              Oldest first: tasks {filters.sort.startsWith("finishTime") ? "that finish" : "created"} from now on join the end of the list and are not announced here.{" "}
              <button type="button" className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300"
                onClick={() => changeFilters({ sort: filters.sort.startsWith("finishTime") ? "finishTime:desc" : "createTime:desc" })}>
                Sort newest first
              </button> to see them arrive.
            </p>
          ) : null}
          {filters.fileName ? <FileNameNote prefix={filters.fileName} shown={rows.length} names={names} loadedRows={feed.rows}
            onClear={() => changeFilters({ fileName: null }, true)} /> : null}
          <NewTasksPill count={feed.newTasks} movedIn={feed.movedInTasks} beyondPage={feed.newTasksBeyondPage} onShow={showNewTasks} top={stickyTop} />
          <TaskTable rows={rows} context={context} selectedIndex={selected} onSelect={setSelected} onNearEnd={filters.fileName ? noMore : onNearEnd}
            pageCount={list.data?.pages.length ?? 0} busy={list.isFetching} stickyTop={stickyTop} columns={columns} density={table.prefs.density}
            footer={<TableFooter feed={feed} columns={columns} ready={view.ready} scanning={scanning} filtered={hasFilters(filters)} onClear={clearFilters} zone={zone}
              reasons={emptyReasons} onWiden={changeFilters} />} />
        </div>
        <p className="pb-4 text-xs text-zinc-600 max-sm:hidden dark:text-zinc-400">
          Keys: <kbd>?</kbd> all shortcuts · <kbd>/</kbd> file ID · <kbd>g</kbd> go to an ID · <kbd>j</kbd>/<kbd>k</kbd> move (↓/↑ in the detail) · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close · <kbd>p</kbd> pause polling
        </p>
      </main>
      {page.task ? (
        <TaskDetailDrawer key={page.task} taskId={page.task} subAppId={view.subAppId} intervalMs={intervalMs} zone={zone}
          onClose={closeTask} onFilterFile={filterByFile} />
      ) : null}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
    </FileNamesContext>
  );
}
