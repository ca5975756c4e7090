"use client";
import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useCallback, useMemo, useRef, useState } from "react";
import { FilterBar } from "@/components/filter-bar/filter-bar";
import { LiveStatus } from "@/components/live-status";
import { ModeBadge } from "@/components/mode-badge";
import { SignedInAs } from "@/components/signed-in-as";
import { NewTasksPill } from "@/components/new-tasks-pill";
import { StaleBanner } from "@/components/stale-banner";
import { TaskDetailDrawer } from "@/components/task-detail-drawer";
import type { CellContext } from "@/components/task-table/columns";
import { TaskTable } from "@/components/task-table/task-table";
import { ThemeToggle } from "@/components/theme-toggle";
import { ViewActions } from "@/components/view-actions";
import { healthOptions, statsOptions } from "@/lib/client/dashboard-queries";
import { resolveZone } from "@/lib/client/format-time";
import { useHydrated } from "@/lib/client/use-hydrated";
import { hasFilters, viewQueries, type FilterPatch } from "@/lib/client/view-query";
import { freezeTimeText } from "@/lib/filters/time-expression";
import { REFRESH_CHOICES } from "@/lib/model/refresh";
import { refreshIntervalMs, SUGGESTED_ZONES } from "./page-params";
import { TableFooter } from "./table-footer-state";
import { useDashboardUrl } from "./use-dashboard-url";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useTaskFeed } from "./use-task-feed";

// Recharts is the heaviest dependency of the page and sits below the fold's first glance: load it after the table.
const StatsPanel = dynamic(() => import("@/components/charts/stats-panel").then((module) => module.StatsPanel), {
  ssr: false,
  loading: () => <div className="h-[27rem] rounded-lg border border-dashed border-zinc-300 dark:border-zinc-700" aria-hidden="true" />,
});

const TIME_PARAMS = ["createdAfter", "createdBefore", "finishedAfter", "finishedBefore"] as const;

export function Dashboard() {
  const { filters, setFilters, page, setPage } = useDashboardUrl();
  const [paused, setPaused] = useState(false);
  const [selected, setSelected] = useState<number | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const tableRef = useRef<HTMLDivElement>(null);

  const health = useQuery(healthOptions());
  const subAppIds = health.data?.subAppIds ?? (health.isError ? [] : undefined);
  const view = viewQueries(filters, subAppIds);
  const intervalMs = refreshIntervalMs(page.refresh, paused);
  // The server cannot know the browser's zone: until hydrated, "local" renders as UTC with the
  // table's times hidden, so that the server's HTML and the browser's first render agree.
  const hydrated = useHydrated();
  const chosenZone = resolveZone(page.tz);
  const zoneReady = hydrated || chosenZone !== undefined;
  const zone = zoneReady ? chosenZone : "UTC";
  const feed = useTaskFeed(view.list, view.subAppId, intervalMs, view.ready);
  const stats = useQuery({ ...statsOptions(view.stats, intervalMs), enabled: view.ready });
  const { rows, list } = feed;

  const changeFilters = useCallback((patch: FilterPatch, typing = false) => {
    setSelected(null);
    void setFilters(patch, typing ? { history: "replace" } : undefined);
  }, [setFilters]);
  const openTask = useCallback((taskId: string) => void setPage({ task: taskId }), [setPage]);
  const filterByFile = useCallback((fileId: string) => {
    changeFilters({ fileId });
    void setPage({ task: null });
  }, [changeFilters, setPage]);
  const context = useMemo<CellContext>(() => ({ zone, zoneReady, openTask, filterByFile }), [zone, zoneReady, openTask, filterByFile]);

  const relativeTimes = TIME_PARAMS.filter((name) => filters[name]?.startsWith("now"));
  const freeze = () => {
    const now = Date.now();
    changeFilters(Object.fromEntries(relativeTimes.map((name) => [name, freezeTimeText(filters[name]!, now)])));
  };
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

  useKeyboardShortcuts({
    focusSearch: () => searchRef.current?.focus(),
    next: () => setSelected((index) => Math.min(rows.length - 1, index === null ? 0 : index + 1)),
    previous: () => setSelected((index) => Math.max(0, index === null ? 0 : index - 1)),
    open: () => { if (selected !== null && rows[selected]) openTask(rows[selected].taskId); },
    close: () => { if (page.task) void setPage({ task: null }); },
    togglePause: () => { if (page.refresh !== "off") togglePause(); },
  });

  return (
    <div>
      <header className="sticky top-0 z-30 h-14 border-b border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
        <div className="mx-auto flex h-full max-w-[1800px] items-center gap-3 px-4">
          <h1 className="text-base font-semibold tracking-tight">VOD tasks</h1>
          <ModeBadge health={health.data} />
          <div className="ml-auto flex items-center gap-3">
            <LiveStatus updatedAt={feed.updatedAt} refreshing={feed.refreshing} stale={feed.refreshError !== null} zone={zone}
              refresh={page.refresh} choices={REFRESH_CHOICES} onRefreshChange={(refresh) => void setPage({ refresh })}
              paused={paused} onTogglePause={togglePause} />
            <ViewActions canFreeze={relativeTimes.length > 0} onFreeze={freeze} zone={page.tz} zones={SUGGESTED_ZONES}
              onZoneChange={(tz) => void setPage({ tz })} />
            <ThemeToggle />
            <SignedInAs />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-[1800px] space-y-4 px-4 py-4">
        <FilterBar filters={filters} onChange={changeFilters} onClear={() => changeFilters(Object.fromEntries(Object.keys(filters).map((key) => [key, null])))}
          statusCounts={stats.data?.byStatus} seenTypes={stats.data?.byType.map((entry) => entry.type) ?? []}
          subAppIds={health.data?.subAppIds ?? []} zone={zone} searchRef={searchRef} filtered={hasFilters(filters)} />
        {feed.refreshError && list.data ? <StaleBanner error={feed.refreshError} onRetry={feed.refreshNow} retrying={feed.refreshing} /> : null}
        <StatsPanel stats={stats.data} error={stats.error} zone={zone} />
        <div ref={tableRef}>
          <NewTasksPill count={feed.newTasks} beyondPage={feed.newTasksBeyondPage} onShow={showNewTasks} />
          <TaskTable rows={rows} context={context} selectedIndex={selected} onSelect={setSelected} onNearEnd={onNearEnd}
            pageCount={list.data?.pages.length ?? 0} busy={list.isFetching}
            footer={<TableFooter feed={feed} ready={view.ready} scanning={filters.type !== null} filtered={hasFilters(filters)}
              onClear={() => changeFilters(Object.fromEntries(Object.keys(filters).map((key) => [key, null])))} />} />
        </div>
        <p className="pb-4 text-xs text-zinc-600 dark:text-zinc-400">
          Keys: <kbd>/</kbd> file ID · <kbd>j</kbd>/<kbd>k</kbd> move · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close · <kbd>p</kbd> pause polling
        </p>
      </main>
      {page.task ? (
        <TaskDetailDrawer key={page.task} taskId={page.task} subAppId={view.subAppId} intervalMs={intervalMs} zone={zone}
          onClose={() => void setPage({ task: null })} onFilterFile={filterByFile} />
      ) : null}
    </div>
  );
}
