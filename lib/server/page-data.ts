import "server-only";
import { visibleSubAppIds } from "@/lib/auth/identity";
import { dashboardEnv } from "@/lib/config/dashboard-env";
import { serverEnv } from "@/lib/config/server-env";
import type { DashboardConfig } from "@/lib/model/dashboard-config";
import { ApiError } from "@/lib/api/errors";
import { logEvent } from "@/lib/log";
import type { TaskPage } from "@/lib/model/task";
import { listTasks } from "@/lib/tasks/list-tasks";
import { taskQueryFromParams } from "@/lib/tasks/task-query-from-params";
import { answeringWithin } from "@/lib/vod/gateway";
import { upstream } from "@/lib/vod/upstream";

/**
 * What the pages' server render asks of the server's state. Pages reach this module through
 * page-data-link.ts, so they read the same gateway, mirrors and log as the API routes.
 */

/**
 * How long the page's HTML may wait for a slow upstream; past it the browser fetches the rows
 * itself. A failing upstream gives the render up sooner (answeringWithin), so that the browser can
 * say so within seconds of navigation.
 */
export const FIRST_PAGE_BUDGET_MS = 1_500;
/** How soon the render gives up on a failing upstream: the browser's own request then joins the retries. */
export const RENDER_FAILING_WITHIN_MS = 500;

function withinBudget<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

/** Why the render has no first page: the API's error, as GET /api/tasks would have answered it. */
export interface RenderFailure {
  code: string;
  message: string;
  status: number;
  /** When it failed (ms since the epoch). */
  at: number;
}

/**
 * The first page of a view, exactly as GET /api/tasks answers the same query string (as JSON, so
 * nothing but what the browser would have read); or, when the upstream is failing, the API's
 * error, so that the HTML already says so; or undefined when neither is at hand in time.
 * Best effort: any other failure is logged and left to the browser, which loads and reports as always.
 */
export async function firstPageForRender(query: string): Promise<{ page: TaskPage } | { failure: RenderFailure } | undefined> {
  try {
    const page = await withinBudget(listTasks(answeringWithin(upstream(), RENDER_FAILING_WITHIN_MS), taskQueryFromParams(new URLSearchParams(query)), Date.now()), FIRST_PAGE_BUDGET_MS);
    return page && { page: JSON.parse(JSON.stringify(page)) as TaskPage };
  } catch (error) {
    if (error instanceof ApiError && error.status >= 500) return { failure: { code: error.code, message: error.message, status: error.status, at: Date.now() } };
    logEvent("warn", "first page not rendered on the server", { error: error instanceof Error ? error.message : String(error) });
    return undefined;
  }
}

/** The SubAppIds the dashboard offers to the signed-in identity (DASHBOARD_ACCESS). */
export function offeredSubAppIds(): number[] {
  return visibleSubAppIds(serverEnv().subAppIds);
}

/** What the dashboard page needs of the configuration: how far back its time presets reach, and the team's views. */
export function dashboardPageConfig(): DashboardConfig {
  const { historyDays, savedViews } = dashboardEnv();
  return { historyDays, teamViews: savedViews };
}
