import type { APIRequestContext } from "@playwright/test";
import { expect, test } from "./support/test";
import type { OncallResponse } from "../lib/oncall/types";
import type { Stats } from "../lib/stats/stats";
import { openDashboard, showCharts, showFilters, taskRows } from "./support/dashboard";
import { clearFaults, setFaults } from "./support/emulator";
import type { TaskPage } from "../lib/model/task";

// A code no generated failure has, so that every task found with it is one this spec made fail.
const CODE = "E2EInjectedFailure";

/**
 * Makes every task that finishes from now on fail with CODE, and waits until the dashboard knows
 * at least `count` of them: the outcome worker looks each finished task up in the background, so
 * asking /api/stats keeps the mirror syncing and shows when the lookups have landed.
 */
async function injectFailures(request: APIRequestContext, count: number): Promise<string[]> {
  await setFaults(request, { taskFailureRate: 1, taskErrorCode: CODE });
  let ids: string[] = [];
  await expect.poll(async () => {
    const stats = (await (await request.get(`/api/stats?createdAfter=now-6h&errorCode=${CODE}`)).json()) as Stats;
    if ((stats.errors?.[0]?.count ?? 0) < count) return stats.errors?.[0]?.count ?? 0;
    const page = (await (await request.get(`/api/tasks?errorCode=${CODE}&limit=100`)).json()) as TaskPage;
    ids = page.tasks.map((task) => task.taskId);
    return ids.length;
  }, { timeout: 150_000, intervals: [2_000] }).toBeGreaterThanOrEqual(count);
  return ids;
}

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("injected failures show in the errors table, whose code filters the list, and through the Failed filter; never green", async ({ page, request }) => {
  test.setTimeout(240_000);
  const injected = await injectFailures(request, 2);

  await openDashboard(page, "?refresh=5s&createdAfter=now-6h");
  await showCharts(page);
  const row = page.getByTestId("errors-table").locator(`tr[data-error-code="${CODE}"]`);
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText(`Injected task failure: ${CODE}.`);
  expect(Number(await row.locator("td").nth(1).innerText())).toBeGreaterThanOrEqual(2);

  // A click on the code lists exactly its failed tasks.
  await row.getByRole("button", { name: CODE }).click();
  await expect(page).toHaveURL(new RegExp(`errorCode=${CODE}`));
  await expect(page.getByTestId("error-code-filter")).toContainText(CODE);
  await expect(taskRows(page).first()).toBeVisible();
  const listed = await taskRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-task-id")!));
  expect(listed.length).toBeGreaterThanOrEqual(2);
  expect(injected.filter((id) => listed.includes(id)).length).toBeGreaterThanOrEqual(2);
  for (const taskId of listed.slice(0, 10)) {
    const shown = page.locator(`[role=row][data-task-id="${taskId}"]`);
    await expect(shown.locator("[data-status]")).toHaveAttribute("data-outcome", "failed");
    await expect(shown.locator("[data-status]")).toHaveText("Failed");
    await expect(shown.getByTestId("outcome-code")).toHaveText(CODE);
    expect(await shown.locator("[class*=emerald]").count()).toBe(0);
  }

  // The Failed choice replaces the code with outcome=failed: the injected failures are among its rows.
  await showFilters(page);
  await page.getByTestId("failed-filter").click();
  await expect(page).toHaveURL(/outcome=failed/);
  await expect(page).not.toHaveURL(/errorCode=/);
  await expect(page.getByTestId("failed-filter")).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator(`[role=row][data-task-id="${listed[0]}"]`)).toBeVisible();
  const outcomes = await taskRows(page).locator("[data-status]").evaluateAll((cells) => cells.map((cell) => cell.getAttribute("data-outcome")));
  expect(outcomes.length).toBeGreaterThan(0);
  expect(new Set(outcomes)).toEqual(new Set(["failed"]));

  // The detail: a red Failed, the code and message, and each step with its own outcome.
  await page.locator(`[role=row][data-task-id="${listed[0]}"]`).getByRole("button", { name: /^Open task/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("detail-error")).toContainText(CODE);
  await expect(dialog.locator("dd [data-status]").first()).toHaveAttribute("data-outcome", "failed");
  expect(await dialog.locator("dd").nth(0).locator("[class*=emerald]").count()).toBe(0);
  const steps = dialog.getByTestId("subtask");
  if (await steps.count()) await expect(dialog.locator('[data-testid=subtask][data-outcome="failed"]').first()).toBeVisible();
});

test("the on-call view lists the last failures with their codes, from the stored outcomes", async ({ page, request }) => {
  test.setTimeout(240_000);
  const injected = await injectFailures(request, 1);
  await expect.poll(async () => {
    const body = (await (await request.get("/api/oncall")).json()) as OncallResponse;
    return body.apps[0].recentFailures.filter((task) => task.errorCode === CODE).length;
  }, { timeout: 60_000, intervals: [2_000] }).toBeGreaterThanOrEqual(1);
  await page.goto("/oncall?refresh=5s");
  const list = page.getByTestId("recent-failures").first();
  await expect(list.getByTestId("failed-task").filter({ hasText: CODE }).first()).toBeVisible({ timeout: 30_000 });
  const tile = page.getByTestId("tile-failure-rate").first();
  await expect(tile).toContainText(/failed/);
  const shownIds = await list.getByTestId("failed-task").evaluateAll((links) => links.map((link) => link.getAttribute("data-task-id")));
  expect(shownIds.some((id) => injected.includes(id!))).toBe(true);
});

test("a link with status=FAILED leads to outcome=failed and says so; the export carries outcome, errorCode and message", async ({ page, request }) => {
  await page.goto("/?status=FAILED&refresh=off");
  await expect(page).toHaveURL(/outcome=failed/);
  await expect(page).not.toHaveURL(/status=/);
  await expect(page.getByTestId("url-notice").locator("[data-param=status]")).toContainText("outcome=failed");
  await expect(page.getByTestId("failed-filter")).toHaveAttribute("aria-pressed", "true");

  const response = await request.get("/api/tasks/export?format=csv&outcome=failed");
  expect(response.status()).toBe(200);
  const [head, first] = (await response.text()).split("\r\n");
  const columns = head.split(",");
  expect(columns).toEqual(expect.arrayContaining(["outcome", "errorCode", "message"]));
  if (first) expect(first.split(",")[columns.indexOf("outcome")]).toBe("failed");
  const bad = await request.get("/api/tasks?errorCode=not%20a%20code");
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.message).toMatch(/^errorCode:/);
});
