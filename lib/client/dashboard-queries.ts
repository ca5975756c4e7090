import { queryOptions } from "@tanstack/react-query";
import type { Stats } from "@/lib/stats/stats";
import type { Health } from "@/lib/model/health";
import { fetchJson } from "./fetch-json";

export function healthOptions() {
  return queryOptions({
    queryKey: ["health"],
    queryFn: ({ signal }) => fetchJson<Health>("/api/health", signal),
    // The mode and the SubAppIds do not change while the server runs; the upstream's state is a bonus.
    staleTime: 60_000,
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
  });
}

/** `query` holds the view's filters without status, so the counts of every status are shown side by side. */
export function statsOptions(query: string, intervalMs: number | false) {
  return queryOptions({
    queryKey: ["stats", query],
    queryFn: ({ signal }) => fetchJson<Stats>(`/api/stats${query}`, signal),
    refetchInterval: intervalMs,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    staleTime: intervalMs === false ? 60_000 : intervalMs,
    retry: false,
    // Keep the last charts while a new window loads, instead of flashing empty axes.
    placeholderData: (previous) => previous,
  });
}
