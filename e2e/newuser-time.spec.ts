import type { TaskPage } from "../lib/model/task";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { isTaskListResponse, openDashboard, showCharts, showFilters, taskRows } from "./support/dashboard";
import { expect, test } from "./support/test";

test("time presets reach back as far as the store keeps, however a link spells them", async ({ page }) => {
  await openDashboard(page, "?refresh=off&createdAfter=now-3d");
  await showFilters(page);
  const created = page.getByLabel("Created", { exact: true });
  await expect(created).toHaveValue("now-72h");
  await expect(created.locator("option")).toHaveText(["Any time", "Last 15 min", "Last hour", "Last 6 hours", "Last 24 hours", "Last 3 days",
    "Last 7 days", "Last 30 days", "Custom range…"]);
  const weekCall = page.waitForResponse((r) => isTaskListResponse(r) && new URL(r.url()).searchParams.get("createdAfter") === "now-7d");
  await created.selectOption("now-7d");
  await expect(page).toHaveURL(/createdAfter=now-7d/);
  expect((await weekCall).status()).toBe(200);
  await page.getByLabel("Finished", { exact: true }).selectOption("now-15m");
  await expect(page).toHaveURL(/finishedAfter=now-15m/);
});

test("a click on a chart's bar filters the table to that bucket, with absolute times in the URL", async ({ page }) => {
  await openDashboard(page, "?refresh=off&tz=UTC");
  await showCharts(page);
  const chart = page.getByTestId("chart-created").locator(".recharts-surface");
  await expect(chart).toBeVisible();
  await expect(page.getByTestId("chart-created").locator(".recharts-bar-rectangle").first()).toBeVisible();
  const box = (await chart.boundingBox())!;
  const listCall = page.waitForResponse((r) => isTaskListResponse(r) && new URL(r.url()).searchParams.has("createdBefore"));
  // A bucket near the right end: recent, so it holds tasks.
  await page.mouse.move(box.x + box.width * 0.85, box.y + box.height * 0.5);
  await page.mouse.click(box.x + box.width * 0.85, box.y + box.height * 0.5);
  await expect(page).toHaveURL(/createdAfter=\d{4}-\d{2}-\d{2}T[^&]+Z&createdBefore=\d{4}-/);
  const url = new URL(page.url());
  const after = Date.parse(url.searchParams.get("createdAfter")!);
  const before = Date.parse(url.searchParams.get("createdBefore")!);
  // The default window is 72 hours, drawn in one-hour buckets.
  expect(before - after).toBe(3_600_000);
  const response = await listCall;
  const body = (await response.json()) as TaskPage;
  expect(body.tasks.length).toBeGreaterThan(0);
  for (const task of body.tasks) {
    const at = Date.parse(task.createTime!);
    expect(at).toBeGreaterThanOrEqual(after);
    expect(at).toBeLessThan(before);
  }
  await expect(taskRows(page).first()).toBeVisible();
  await expect(page.getByLabel("Created", { exact: true })).toHaveValue("custom");
  await expect(page.getByLabel(/^Created from/)).toHaveValue(url.searchParams.get("createdAfter")!.slice(0, 16));
  await expectNoSeriousA11yViolations(page, "bucket view");
  // Back returns to the whole window.
  await page.goBack();
  await expect(page).not.toHaveURL(/createdBefore/);
});
