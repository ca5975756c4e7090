import { expect, test } from "@playwright/test";
import { collectTaskPages, openDashboard, renderedTaskIds, taskRows } from "./support/dashboard";
import { clearFaults, setFaults } from "./support/emulator";

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("scrolling loads the next pages without duplicate rows, and the DOM stays small", async ({ page }) => {
  const pages = collectTaskPages(page);
  await openDashboard(page, "?refresh=off&limit=100");
  const seen = new Set<string>();
  for (let step = 0; step < 40 && pages.length < 4; step++) {
    for (const id of await renderedTaskIds(page)) seen.add(id);
    await page.mouse.wheel(0, 4_000);
    await page.waitForTimeout(150);
  }
  await expect.poll(() => pages.length).toBeGreaterThanOrEqual(4);
  const cursors = pages.map((p) => p.url.searchParams.get("cursor"));
  expect(cursors[0]).toBeNull();
  expect(cursors.slice(1).every((cursor) => cursor)).toBe(true);
  const ids = pages.flatMap((p) => p.body.tasks.map((task) => task.taskId));
  expect(new Set(ids).size).toBe(ids.length);
  expect(await taskRows(page).count()).toBeLessThanOrEqual(150);
  const rendered = await renderedTaskIds(page);
  expect(new Set(rendered).size).toBe(rendered.length);
  expect(seen.size).toBeGreaterThan(rendered.length);
});

test("polling shows new tasks behind a pill and updates a changed status in place", async ({ page }) => {
  test.setTimeout(120_000);
  await openDashboard(page, "?refresh=5s");
  const before = await taskRows(page).evaluateAll((rows) => rows.map((row) => ({
    id: row.getAttribute("data-task-id")!, status: row.querySelector("[data-status]")?.getAttribute("data-status") ?? "",
  })));
  const firstId = before[0].id;
  const unfinished = before.filter((row) => row.status === "WAITING" || row.status === "PROCESSING");
  expect(unfinished.length).toBeGreaterThan(0);

  // A row that was unfinished changes status where it is, without a click.
  await expect.poll(async () => {
    const now = await taskRows(page).evaluateAll((rows) => Object.fromEntries(rows.map((row) => [row.getAttribute("data-task-id"), row.querySelector("[data-status]")?.getAttribute("data-status")])));
    return unfinished.some((row) => now[row.id] !== undefined && now[row.id] !== row.status);
  }, { timeout: 90_000, intervals: [1_000] }).toBe(true);

  const pill = page.getByTestId("new-tasks-pill");
  await expect(pill).toBeVisible({ timeout: 60_000 });
  // Nothing moved under the reader while the pill waited.
  await expect(taskRows(page).first()).toHaveAttribute("data-task-id", firstId);
  const count = Number((await pill.innerText()).match(/\d+/)![0]);
  await pill.click();
  await expect(pill).toBeHidden();
  await expect(taskRows(page).first()).not.toHaveAttribute("data-task-id", firstId);
  const ids = await renderedTaskIds(page);
  expect(ids.indexOf(firstId)).toBeGreaterThanOrEqual(Math.min(count, 1));
});

test("an upstream fault keeps the data, marks it stale with the reason, and recovers", async ({ page, request }) => {
  test.setTimeout(120_000);
  await openDashboard(page, "?refresh=5s");
  const rowsBefore = await taskRows(page).count();
  await setFaults(request, { errorRate: 1 });
  const banner = page.getByTestId("stale-banner");
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("stale-reason")).toContainText(/Upstream|Internal/);
  await expect(page.getByRole("button", { name: /Retry/ })).toBeVisible();
  expect(await taskRows(page).count()).toBe(rowsBefore);
  await clearFaults(request);
  await expect(banner).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId("updated-at")).toContainText(/Updated (just now|\ds ago)/);
});
