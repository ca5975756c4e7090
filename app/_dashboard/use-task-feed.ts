"use client";
import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import { findNewTasks, flattenPages, mergeTasks, type FeedSort } from "@/lib/client/task-feed";
import type { TaskPage } from "@/lib/model/task";
import { taskHeadOptions, taskKeys, taskListOptions, taskUpdatesOptions } from "@/lib/client/task-queries";

/**
 * The live task list of one view: loaded pages (fetched once each), the polled head that finds
 * new tasks, and the polled updates that keep loaded unfinished rows current.
 */
export function useTaskFeed(query: string, subAppId: number | null, intervalMs: number | false, enabled: boolean, sort: FeedSort = "createTime:desc") {
  const client = useQueryClient();
  const list = useInfiniteQuery({ ...taskListOptions(query, intervalMs), enabled });
  const loaded = list.data !== undefined;
  const head = useQuery(taskHeadOptions(query, intervalMs, enabled && loaded));
  const updates = useQuery(taskUpdatesOptions(query, subAppId, intervalMs, enabled && loaded));

  const rows = useMemo(() => flattenPages(list.data), [list.data]);
  const fresh = useMemo(() => findNewTasks(head.data, list.data, sort), [head.data, list.data, sort]);

  const showNewTasks = useCallback(() => {
    if (fresh.gap) {
      // More arrived than one page holds: the loaded rows no longer join up with the head, so start over from it.
      void client.resetQueries({ queryKey: taskKeys.list(query) });
    } else {
      client.setQueryData(taskKeys.list(query), (data: InfiniteData<TaskPage> | undefined) => (data ? mergeTasks(data, fresh.tasks, sort) : data));
    }
  }, [client, fresh, query, sort]);

  const refreshNow = useCallback(() => {
    if (list.isError && !list.data) void list.refetch();
    else if (list.isFetchNextPageError) void list.fetchNextPage();
    void client.refetchQueries({ queryKey: taskKeys.head(query), type: "active" });
    void client.refetchQueries({ queryKey: taskKeys.updates(query), type: "active" });
  }, [client, list, query]);

  // A failure newer than the last success means what is on screen is stale, and why.
  const headFailing = head.isError && head.errorUpdatedAt >= head.dataUpdatedAt;
  const updatesFailing = updates.isError && updates.errorUpdatedAt >= updates.dataUpdatedAt;
  const refreshError = headFailing ? head.error : updatesFailing ? updates.error : null;
  // Failing: nothing could be loaded, or what is shown could not be refreshed. Since the first
  // failure of this run, and still failing while the list retries (a retry with nothing loaded
  // goes back to pending, but nothing has succeeded since).
  const loadFailing = list.isError && !list.data;
  const currentError = loadFailing ? list.error : refreshError;
  const retryingLoad = !list.data && list.isFetching && list.errorUpdatedAt > 0;
  const failedAt = loadFailing ? list.errorUpdatedAt : headFailing ? head.errorUpdatedAt : updates.errorUpdatedAt;
  const [failing, setFailing] = useState<{ error: unknown; since: number } | null>(null);
  if (currentError && (!failing || failing.error !== currentError)) setFailing({ error: currentError, since: failing?.since ?? failedAt });
  if (!currentError && !retryingLoad && failing) setFailing(null);

  return {
    list,
    rows,
    /** Unseen tasks that arrived since the list loaded. */
    newTasks: fresh.tasks.length - fresh.movedIn,
    /** Unseen tasks older than the newest loaded row: they moved into the view (a status they now match). */
    movedInTasks: fresh.movedIn,
    newTasksBeyondPage: fresh.gap,
    showNewTasks,
    refreshNow,
    refreshError,
    /** What is failing and since when (the first failure of the current run), or null while all is well. */
    failing: currentError ? { error: currentError, since: failing?.since ?? failedAt } : retryingLoad ? failing : null,
    refreshing: head.isFetching || updates.isFetching || ((loadFailing || retryingLoad) && list.isFetching),
    // The head is what proves the view current; the updates alone come from the mirror and cannot.
    updatedAt: Math.max(head.dataUpdatedAt, list.dataUpdatedAt),
  };
}

export type TaskFeed = ReturnType<typeof useTaskFeed>;
