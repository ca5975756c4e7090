import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { createLoader, type SearchParams } from "nuqs/server";
import { seedFirstPage } from "@/lib/client/task-queries";
import { viewQueries } from "@/lib/client/view-query";
import { taskQueryUrlParsers } from "@/lib/filters/url-state";
import { logEvent } from "@/lib/log";
import { firstTaskPage } from "@/lib/tasks/first-page";
import type { TaskPage } from "@/lib/tasks/task";

/** How long the page's HTML may wait for the upstream; past it the browser fetches the rows itself, as before. */
export const FIRST_PAGE_BUDGET_MS = 2_000;

const loadFilters = createLoader(taskQueryUrlParsers);

function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * Reads the view's filters from the URL with the browser's own parsers, and puts the first page
 * of its task list in the cache under the key the browser will use, so that the rows arrive with
 * the HTML and the browser asks for them no second time. Best effort: any failure (upstream down,
 * too slow, a 4xx) leaves the cache empty, and the browser loads the list and reports as it always has.
 */
export async function prefetchFirstPage(client: QueryClient, searchParams: SearchParams): Promise<void> {
  const filters = loadFilters(searchParams);
  // A SubAppId from the URL is used only once /api/health confirms it, so the browser's first key has none: nothing to match.
  if (filters.subAppId !== null) return;
  const { list } = viewQueries(filters, undefined);
  try {
    const page = await withinBudget(firstTaskPage(new URLSearchParams(list), Date.now()), FIRST_PAGE_BUDGET_MS);
    // Exactly what the browser would have read from GET /api/tasks: JSON, nothing more.
    if (page) seedFirstPage(client, list, JSON.parse(JSON.stringify(page)) as TaskPage);
  } catch (error) {
    logEvent("warn", "first page not rendered on the server", { error: error instanceof Error ? error.message : String(error) });
  }
}
