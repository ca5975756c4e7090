import { expect, type Page, type Response } from "@playwright/test";
import type { Task, TaskPage } from "../../lib/model/task";

/** The rendered task rows (virtualised: only those near the viewport exist). */
export const taskRows = (page: Page) => page.locator("[role=table] [role=row][data-task-id]");

/**
 * Opens the dashboard and waits until the browser runs it: the server sends the first rows with
 * the HTML, before the page's scripts can react to a click or a scroll. "Updated …" needs the
 * browser's clock, so it shows only once the page is hydrated.
 */
export async function openDashboard(page: Page, query = ""): Promise<void> {
  await page.goto(`/${query}`);
  await expect(taskRows(page).first()).toBeVisible();
  await expect(page.getByTestId("updated-at")).toContainText("Updated");
}

export async function renderedTaskIds(page: Page): Promise<string[]> {
  return taskRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-task-id") ?? ""));
}

/** True for the list's API calls (GET /api/tasks?…), not the detail, health, stats or updates. */
export function isTaskListResponse(response: Response): boolean {
  const url = new URL(response.url());
  return url.pathname === "/api/tasks" && response.request().method() === "GET";
}

/**
 * Every list page the page receives from now on, in order. A response the page navigated away
 * from before its body was read (the URL settling, a test ending) is no longer part of the view:
 * it is skipped rather than failing the test from inside an event listener.
 */
export function collectTaskPages(page: Page): { url: URL; body: TaskPage }[] {
  const pages: { url: URL; body: TaskPage }[] = [];
  page.on("response", async (response) => {
    if (!isTaskListResponse(response) || !response.ok()) return;
    const body = (await response.json().catch(() => null)) as TaskPage | null;
    if (body) pages.push({ url: new URL(response.url()), body });
  });
  return pages;
}

export function statusOfRow(page: Page, taskId: string) {
  return page.locator(`[role=row][data-task-id="${taskId}"] [data-status]`).getAttribute("data-status");
}

export type { Task };
