import { keepPreviousData, queryOptions, type QueryObserverResult } from "@tanstack/react-query";
import type { MediaNames } from "@/lib/model/media-names";
import type { TaskPage } from "@/lib/model/task";
import type { FileNames } from "./file-name-filter";
import { fetchJson } from "./fetch-json";

/** The most FileIds /api/media-names takes at once. */
export const NAME_BATCH = 100;
/** The server keeps names 10 minutes; the browser as long. */
const NAMES_STALE_MS = 10 * 60_000;
/**
 * While some names are not known yet (the server's lookup was refused or failed), ask again: after
 * 5 s, then twice as long each time, at most every 5 minutes, so that a lookup failing for good
 * costs a page one request in five minutes rather than one in five seconds.
 */
const UNKNOWN_RETRY_MS = 5_000;
const UNKNOWN_RETRY_MAX_MS = 5 * 60_000;

/** The wait before asking again, after `answers` answers of this batch that all left names unknown. */
export function unknownRetryMs(answers: number): number {
  return Math.min(UNKNOWN_RETRY_MS * 2 ** Math.max(0, answers - 1), UNKNOWN_RETRY_MAX_MS);
}

/**
 * The batches of FileIds to name: each loaded page's files, sorted, 100 at most a batch. A page's
 * batch stays the same while the page does, so scrolling asks only for the new page's files.
 */
export function nameBatches(pages: readonly Pick<TaskPage, "tasks">[] | undefined): string[][] {
  const batches: string[][] = [];
  for (const page of pages ?? []) {
    const ids = [...new Set(page.tasks.map((task) => task.fileId).filter(Boolean))].sort();
    for (let i = 0; i < ids.length; i += NAME_BATCH) batches.push(ids.slice(i, i + NAME_BATCH));
  }
  return batches;
}

export function mediaNamesOptions(subAppId: number | null, fileIds: readonly string[], enabled = true) {
  const params = new URLSearchParams({ fileIds: fileIds.join(",") });
  if (subAppId !== null) params.set("subAppId", String(subAppId));
  return queryOptions({
    queryKey: ["media-names", subAppId, fileIds.join(",")] as const,
    queryFn: ({ signal }) => fetchJson<MediaNames>(`/api/media-names?${params}`, signal),
    enabled: enabled && fileIds.length > 0,
    staleTime: NAMES_STALE_MS,
    // Names are a nicety: a failed ask waits for the next batch or the next retry, never the page.
    retry: false,
    // A batch's query stops asking once every name is known; a new batch is a new query.
    refetchInterval: (query) => (query.state.data?.unknown.length ? unknownRetryMs(query.state.dataUpdateCount) : false),
    placeholderData: keepPreviousData,
  });
}

/** Every batch's names in one map (module-level, so that useQueries keeps it while no answer changes). */
export function combineNames(results: QueryObserverResult<MediaNames>[]): FileNames {
  const names = new Map<string, string | null>();
  for (const result of results) for (const [fileId, name] of Object.entries(result.data?.names ?? {})) names.set(fileId, name);
  return names;
}
