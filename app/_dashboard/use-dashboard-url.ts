"use client";
import { useQueryStates } from "nuqs";
import { taskQueryUrlParsers } from "@/lib/filters/url-state";
import { pageUrlParsers } from "./page-params";

/**
 * The view's state, all of it in the URL. Picking a filter pushes a history entry (Back undoes
 * it); typed filters replace the entry instead (see DebouncedInput and the dashboard's onChange).
 */
export function useDashboardUrl() {
  const [filters, setFilters] = useQueryStates(taskQueryUrlParsers, { history: "push" });
  const [page, setPage] = useQueryStates(pageUrlParsers, { history: "push" });
  return { filters, setFilters, page, setPage };
}
