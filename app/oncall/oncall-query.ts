import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { refreshMs, type Refresh } from "@/lib/model/refresh";
import type { OncallResponse } from "@/lib/oncall/types";

/**
 * The screen's one query. It keeps polling in a background tab (the title must keep telling),
 * never retries (the next poll is the retry, and a failure must show as staleness at once),
 * and keeps the last answer on screen while a new threshold's answer loads.
 */
export function oncallQueryOptions(search: string, refresh: Refresh) {
  return queryOptions({
    queryKey: ["oncall", search],
    queryFn: ({ signal }) => fetchJson<OncallResponse>(`/api/oncall${search}`, signal),
    refetchInterval: refreshMs(refresh) ?? false,
    refetchIntervalInBackground: true,
    retry: false,
    staleTime: 0,
    placeholderData: keepPreviousData,
  });
}
