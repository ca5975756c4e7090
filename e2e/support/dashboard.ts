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

/**
 * On a phone the filters fold behind one button, and the charts start folded: these open them
 * where they are folded and do nothing on a wider screen, so one spec runs at every size.
 */
export async function showFilters(page: Page): Promise<void> {
  await unfold(page.getByTestId("filters-toggle"));
}

export async function showCharts(page: Page): Promise<void> {
  // The toggle comes with the first statistics.
  await expect(page.getByTestId("stats-panel")).toBeVisible();
  await unfold(page.getByTestId("charts-toggle"));
}

/** Clicks until the toggle says it is open: a click that lands before the page is hydrated does nothing. */
async function unfold(toggle: ReturnType<Page["getByTestId"]>): Promise<void> {
  if (!(await toggle.isVisible())) return;
  await expect(async () => {
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true", { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
}

/** True on the phone project (mobile emulation): the table is a list of cards there. */
export const isPhone = (page: Page) => page.viewportSize()!.width < 640;

/** The task type of every rendered row: the second column of the table; on a phone, the first part of the card's third cell (the file's name follows it). */
export const typeCells = (page: Page) => taskRows(page).locator(isPhone(page) ? "[role=cell]:nth-child(3) > :first-child" : "[role=cell]:nth-child(2)");

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
