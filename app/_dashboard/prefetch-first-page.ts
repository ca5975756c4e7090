import "server-only";
import type { QueryClient } from "@tanstack/react-query";
import { createLoader, type SearchParams } from "nuqs/server";
import { seedFirstPage, type ListFailure } from "@/lib/client/task-queries";
import { viewQueries } from "@/lib/client/view-query";
import { taskQueryUrlParsers } from "@/lib/filters/url-state";
import { pageData } from "@/lib/server/page-data-link";

const loadFilters = createLoader(taskQueryUrlParsers);

/**
 * Reads the view's filters from the URL with the browser's own parsers, and puts the first page
 * of its task list in the cache under the key the browser will use, so that the rows arrive with
 * the HTML and the browser asks for them no second time. When the page is not at hand in time the
 * cache stays empty, and the browser loads the list and reports as it always has. When the upstream
 * is failing, the failure is returned, for the page to say so before the browser asks again.
 */
export async function prefetchFirstPage(client: QueryClient, searchParams: SearchParams): Promise<ListFailure | undefined> {
  const filters = loadFilters(searchParams);
  // A SubAppId from the URL is used only once /api/health confirms it, so the browser's first key has none: nothing to match.
  if (filters.subAppId !== null) return undefined;
  const { list } = viewQueries(filters, undefined);
  const first = await (await pageData()).firstPageForRender(list);
  if (first && "page" in first) seedFirstPage(client, list, first.page);
  return first && "failure" in first ? first.failure : undefined;
}
