import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";
import type { Stats } from "../lib/stats/stats";
import type { TaskPage } from "../lib/model/task";
import { openDashboard, showCharts, taskRows } from "./support/dashboard";
import { clearFaults } from "./support/emulator";

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("the detail opens from the URL and closes with Esc", async ({ page, request }) => {
  const list = (await (await request.get("/api/tasks?status=FINISH&limit=1")).json()) as TaskPage;
  const taskId = list.tasks[0].taskId;
  await page.goto(`/?refresh=off&task=${taskId}`);
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { name: taskId })).toBeVisible();
  await expect(dialog.getByText(/Succeeded|Failed/).first()).toBeVisible();
  await expect(dialog.getByText("Created", { exact: true })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page).not.toHaveURL(/task=/);
});

test("the page behind the open detail is inert: no focus, no clicks, hidden from assistive technology", async ({ page }) => {
  await openDashboard(page, "?refresh=off");
  const header = page.locator("body header").first();
  const main = page.locator("main");
  await expect(header).not.toHaveAttribute("inert", /.*/);
  await expect(main).not.toHaveAttribute("inert", /.*/);
  const cdp = await page.context().newCDPSession(page);
  const exposedOpenButtons = async () => {
    const { nodes } = await cdp.send("Accessibility.getFullAXTree");
    return nodes.filter((node) => !node.ignored && /^Open task/.test(String(node.name?.value ?? ""))).length;
  };
  expect(await exposedOpenButtons()).toBeGreaterThan(0);
  const opener = taskRows(page).first().getByRole("button", { name: /^Open task/ });
  await opener.click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expect(header).toHaveAttribute("inert", "");
  await expect(main).toHaveAttribute("inert", "");
  // What is behind is gone from the accessibility tree (as Chromium hands it to assistive technology).
  expect(await exposedOpenButtons()).toBe(0);
  // Focus cannot land behind the dialog, not even by script.
  const focusedBehind = await page.evaluate(() => {
    const target = document.querySelector<HTMLElement>("main input, main button");
    target?.focus();
    return document.activeElement?.closest("main") !== null;
  });
  expect(focusedBehind).toBe(false);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(main).not.toHaveAttribute("inert", /.*/);
  await expect(opener).toBeFocused();
});

test("keyboard: j/k move between rows, Enter opens, p pauses", async ({ page }) => {
  await openDashboard(page, "?refresh=10s");
  await page.locator("body").click({ position: { x: 5, y: 5 } });
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  await page.keyboard.press("j");
  const second = await taskRows(page).nth(1).getAttribute("data-task-id");
  await expect(taskRows(page).nth(1)).toHaveAttribute("aria-current", "true");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`task=${second}`));
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await page.keyboard.press("p");
  await expect(page.getByTestId("updated-at")).toContainText("paused");
});

test("charts show the numbers /api/stats returns", async ({ page, request }) => {
  await openDashboard(page, "?refresh=5s");
  await expect(page.getByTestId("stats-panel")).toBeVisible();
  await showCharts(page);
  await expect(async () => {
    const stats = (await (await request.get("/api/stats")).json()) as Stats;
    for (const status of ["WAITING", "PROCESSING", "FINISH", "ABORTED"] as const) {
      const expected = stats.byStatus[status].toLocaleString("en-US");
      await expect(page.getByTestId(`chart-status-${status}`)).toHaveText(expected, { timeout: 500 });
      await expect(page.getByTestId(`status-count-${status}`)).toHaveText(expected, { timeout: 500 });
    }
    await expect(page.getByTestId("stats-coverage")).toContainText(stats.coverage.tasksCounted.toLocaleString("en-US"), { timeout: 500 });
  }).toPass({ timeout: 45_000, intervals: [1_000] });
  await expect(page.getByTestId("stats-panel").locator(".recharts-surface").first()).toBeVisible();
});

test("no serious or critical accessibility violations, light and dark, list and detail", async ({ page }) => {
  test.setTimeout(120_000);
  await openDashboard(page, "?refresh=off");
  await expect(page.getByTestId("stats-panel")).toBeVisible();
  await showCharts(page);
  const check = (label: string) => expectNoSeriousA11yViolations(page, label);
  await check("light list");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => document.documentElement.classList.add("dark"));
  // The list behind an open dialog is inert (axe skips it): check it on its own first.
  await check("dark list");
  await taskRows(page).first().getByRole("button", { name: /^Open task/ }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect(page.getByRole("dialog").getByText("Created", { exact: true })).toBeVisible();
  await check("dark detail");
});
