import type { inferParserType } from "nuqs";
import { FILTER_PARAMS, LOADED_ROW_FILTERS } from "@/lib/filters/task-query";
import { serializeTaskQuery, taskQueryUrlParsers } from "@/lib/filters/url-state";

/** The filters of a view as the URL holds them (nuqs values: null for absent). */
export type Filters = inferParserType<typeof taskQueryUrlParsers>;
export type FilterPatch = Partial<{ [K in keyof Filters]: Filters[K] | null }>;

export interface ViewQueries {
  /** The API's query string for the list: the page's own filters, in the same spelling (without those it applies to loaded rows). */
  list: string;
  /** The same window without status, sort and paging, so every status is counted side by side. */
  stats: string;
  subAppId: number | null;
  /** False while a SubAppId from the URL cannot be checked against the server's list yet. */
  ready: boolean;
}

export function viewQueries(filters: Filters, subAppIds: readonly number[] | undefined): ViewQueries {
  // A SubAppId the server does not offer would make every call a 400: the view falls back to the default app.
  const known = filters.subAppId !== null && subAppIds !== undefined && subAppIds.includes(filters.subAppId);
  const subAppId = known ? filters.subAppId : null;
  const statsFilters = Object.fromEntries(FILTER_PARAMS.map((name) => [name, filters[name]]));
  return {
    list: serializeTaskQuery({ ...filters, subAppId, fileName: null }),
    stats: serializeTaskQuery({ ...statsFilters, status: null, subAppId }),
    subAppId,
    ready: filters.subAppId === null || subAppIds !== undefined,
  };
}

export function hasFilters(filters: Filters): boolean {
  return [...FILTER_PARAMS, ...LOADED_ROW_FILTERS].some((name) => filters[name] !== null);
}
