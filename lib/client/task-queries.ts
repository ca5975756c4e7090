import { infiniteQueryOptions, queryOptions, type QueryClient } from "@tanstack/react-query";
import type { TaskDetail, TaskPage, TaskUpdates } from "@/lib/model/task";
import { ApiRequestError } from "./api-error";
import { fetchJson } from "./fetch-json";
import { chunk, patchPages, pendingOutcomeIds, unfinishedIds } from "./task-feed";

/** Finished rows whose outcome a poll asks after, newest first: one batch's worth, whatever the backlog. */
const PENDING_OUTCOME_IDS = 200;

/**
 * Query keys and options of the task list, in one place. `query` is the view's query string as
 * serializeTaskQuery writes it ("?status=WAITING" or ""), which is also the page's own.
 *
 * Cost model: the list's pages are fetched once each and never refetched. Polling touches only
 * the head (the first page, one API call) and /api/tasks/updates (loaded unfinished rows, served
 * from the server's mirror at no upstream cost), so a refresh costs the same however far one scrolled.
 */
export const taskKeys = {
  list: (query: string) => ["tasks", "list", query] as const,
  head: (query: string) => ["tasks", "head", query] as const,
  updates: (query: string) => ["tasks", "updates", query] as const,
  detail: (taskId: string, subAppId: number | null) => ["task", taskId, subAppId] as const,
};

/** The most IDs /api/tasks/updates takes at once. */
export const UPDATE_BATCH = 200;

function withParam(query: string, name: string, value: string | number | null | undefined): string {
  const params = new URLSearchParams(query);
  if (value !== null && value !== undefined) params.set(name, String(value));
  const text = params.toString();
  return text ? `?${text}` : "";
}

/**
 * Puts a first page fetched elsewhere (the server's render of the page) where the list would
 * have put it: as the list's only page and as the head, so the browser asks for neither again.
 */
export function seedFirstPage(client: QueryClient, query: string, page: TaskPage): void {
  client.setQueryData(taskKeys.list(query), { pages: [page], pageParams: [null] });
  client.setQueryData(taskKeys.head(query), page);
}

/** The server's render found the upstream failing: what GET /api/tasks answered it. */
export interface ListFailure {
  code: string;
  message: string;
  status: number;
  at: number;
}

/**
 * Puts the render's failure where a failed first load would have put it, unless the list has
 * loaded or failed since: the page says "failing" from its first HTML, before the browser asks
 * again (which it does on mount, as for any list that has failed and holds nothing).
 */
export function seedListFailure(client: QueryClient, query: string, failure: ListFailure): void {
  const cached = client.getQueryCache().build(client, { queryKey: taskKeys.list(query) });
  if (cached.state.data !== undefined || cached.state.status !== "pending" || cached.state.fetchStatus !== "idle") return;
  const error = new ApiRequestError(failure.code, failure.message, failure.status);
  cached.setState({ status: "error", error, errorUpdatedAt: failure.at, errorUpdateCount: 1, fetchFailureCount: 1, fetchFailureReason: error });
}

/** `retryMs`: while the first page has failed and nothing is loaded, try again at this pace, so the page recovers by itself. */
export function taskListOptions(query: string, retryMs: number | false = false) {
  return infiniteQueryOptions({
    queryKey: taskKeys.list(query),
    queryFn: async ({ pageParam, signal, client }) => {
      const page = await fetchJson<TaskPage>(`/api/tasks${withParam(query, "cursor", pageParam)}`, signal);
      // The first page is also the head: seed it so that polling starts from here, not with a duplicate request.
      if (pageParam === null) client.setQueryData(taskKeys.head(query), page);
      return page;
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    // Loaded pages are a snapshot that the head and the updates keep fresh; refetching them all would cost one upstream call per page.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchInterval: (q) => (q.state.status === "error" && !q.state.data ? retryMs : false),
    // A failure (also the one the server's render reported) is asked again at that pace, not again at once on mount:
    // the server has just retried it, and goes on retrying.
    retryOnMount: false,
  });
}

function pollingSettings(intervalMs: number | false) {
  return {
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
    // Back from a hidden tab: a stale head is refetched at once, then the interval resumes.
    refetchOnWindowFocus: true,
    staleTime: intervalMs === false ? Infinity : intervalMs,
    // The next tick is the retry; a failure shows as stale data with its reason meanwhile.
    retry: false,
  } as const;
}

export function taskHeadOptions(query: string, intervalMs: number | false, enabled: boolean) {
  return queryOptions({
    queryKey: taskKeys.head(query),
    queryFn: async ({ signal, client }) => {
      const head = await fetchJson<TaskPage>(`/api/tasks${query}`, signal);
      client.setQueryData(taskKeys.list(query), (data: Parameters<typeof patchPages>[0]) => patchPages(data, head.tasks));
      return head;
    },
    enabled,
    ...pollingSettings(intervalMs),
  });
}

async function fetchUpdates(client: QueryClient, query: string, subAppId: number | null, signal: AbortSignal): Promise<TaskUpdates> {
  const loaded = client.getQueryData<Parameters<typeof unfinishedIds>[0]>(taskKeys.list(query));
  const ids = [...unfinishedIds(loaded), ...pendingOutcomeIds(loaded, PENDING_OUTCOME_IDS)];
  if (ids.length === 0) return { tasks: [], syncedAt: null };
  const answers = await Promise.all(chunk(ids, UPDATE_BATCH).map((batch) =>
    fetchJson<TaskUpdates>(`/api/tasks/updates${withParam(withParam("", "subAppId", subAppId), "ids", batch.join(","))}`, signal)));
  return { tasks: answers.flatMap((answer) => answer.tasks), syncedAt: answers[0]?.syncedAt ?? null };
}

export function taskUpdatesOptions(query: string, subAppId: number | null, intervalMs: number | false, enabled: boolean) {
  return queryOptions({
    queryKey: taskKeys.updates(query),
    queryFn: async ({ signal, client }) => {
      const updates = await fetchUpdates(client, query, subAppId, signal);
      client.setQueryData(taskKeys.list(query), (data: Parameters<typeof patchPages>[0]) => patchPages(data, updates.tasks));
      return updates;
    },
    enabled,
    ...pollingSettings(intervalMs),
  });
}

export function taskDetailOptions(taskId: string, subAppId: number | null, intervalMs: number | false) {
  return queryOptions({
    queryKey: taskKeys.detail(taskId, subAppId),
    queryFn: ({ signal }) => fetchJson<TaskDetail>(`/api/tasks/${encodeURIComponent(taskId)}${withParam("", "subAppId", subAppId)}`, signal),
    // A finished task's detail never changes again; an unfinished one is followed like the list.
    refetchInterval: (query) => (query.state.data?.outcome ? false : intervalMs),
    refetchIntervalInBackground: false,
    staleTime: 2_000,
  });
}
