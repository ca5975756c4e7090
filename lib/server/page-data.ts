import "server-only";
import { visibleSubAppIds } from "@/lib/auth/identity";
import { serverEnv } from "@/lib/config/server-env";
import { logEvent } from "@/lib/log";
import type { TaskPage } from "@/lib/model/task";
import { listTasks } from "@/lib/tasks/list-tasks";
import { taskQueryFromParams } from "@/lib/tasks/task-query-from-params";
import { upstream } from "@/lib/vod/upstream";

/**
 * What the pages' server render asks of the server's state. Pages reach this module through
 * page-data-link.ts, so they read the same gateway, mirrors and log as the API routes.
 */

/** How long the page's HTML may wait for the upstream; past it the browser fetches the rows itself. */
export const FIRST_PAGE_BUDGET_MS = 2_000;

function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/**
 * The first page of a view, exactly as GET /api/tasks answers the same query string (as JSON, so
 * nothing but what the browser would have read), or undefined when it is not at hand in time.
 * Best effort: a failure is logged and left to the browser, which loads and reports as always.
 */
export async function firstPageForRender(query: string): Promise<TaskPage | undefined> {
  try {
    const page = await withinBudget(listTasks(upstream(), taskQueryFromParams(new URLSearchParams(query)), Date.now()), FIRST_PAGE_BUDGET_MS);
    return page && (JSON.parse(JSON.stringify(page)) as TaskPage);
  } catch (error) {
    logEvent("warn", "first page not rendered on the server", { error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/** The SubAppIds the dashboard offers to the signed-in identity (DASHBOARD_ACCESS). */
export function offeredSubAppIds(): number[] {
  return visibleSubAppIds(serverEnv().subAppIds);
}
