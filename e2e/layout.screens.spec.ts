import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { expect, test } from "./support/test";
import { openDashboard, taskRows } from "./support/dashboard";

// Runs at four sizes (playwright.config.ts): a phone with mobile emulation, a 1024 px laptop, a 1440 px desktop, a wall display.

const isPhone = (name: string) => name === "phone";

async function expectNoSidewaysScroll(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${label}: page ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

async function expectInViewport(page: Page, selector: ReturnType<Page["locator"]>, label: string): Promise<void> {
  const box = await selector.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, label).not.toBeNull();
  expect(box!.x, label).toBeGreaterThanOrEqual(0);
  expect(box!.y, label).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, label).toBeLessThanOrEqual(viewport.width + 0.5);
  expect(box!.y + box!.height, label).toBeLessThanOrEqual(viewport.height + 0.5);
}


test("/ fits the screen: no sideways scroll, filters and custom ranges included; no serious axe violations", async ({ page }, testInfo) => {
  await openDashboard(page, "?refresh=off");
  await expectNoSidewaysScroll(page, "list");
  if (isPhone(testInfo.project.name)) {
    // The filters fold behind one button.
    await expect(page.getByRole("region", { name: "Filters" })).toBeHidden();
    await page.getByTestId("filters-toggle").click();
    await expect(page.getByRole("region", { name: "Filters" })).toBeVisible();
  }
  await page.getByLabel("Created", { exact: true }).selectOption("custom");
  const from = page.getByLabel(/^Created from/);
  await from.fill("2026-12-01T12:00");
  await expectNoSidewaysScroll(page, "filters open, custom range");
  await expectNoSeriousA11yViolations(page, "list");
});

test("the custom range fields show the whole time", async ({ page }, testInfo) => {
  await openDashboard(page, "?refresh=off&tz=UTC&createdAfter=2026-12-01T12:00:00Z&createdBefore=2026-12-01T23:59:00Z");
  if (isPhone(testInfo.project.name)) await page.getByTestId("filters-toggle").click();
  for (const field of [page.getByLabel(/^Created from/), page.getByLabel(/^Created until/)]) {
    await expect(field).toBeVisible();
    // The field's text is wider than the field when Chromium cuts it ("12:00 P…").
    const { scrollWidth, clientWidth } = await field.evaluate((input) => ({ scrollWidth: input.scrollWidth, clientWidth: input.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    // Chromium cuts a datetime field's text without overflowing it: compare with the width the same field takes when sized to its content.
    const { needed, given } = await field.evaluate((input) => {
      const probe = input.cloneNode() as HTMLInputElement;
      probe.style.width = "auto";
      probe.style.minWidth = "0";
      input.parentElement!.append(probe);
      const size = { needed: probe.getBoundingClientRect().width, given: input.getBoundingClientRect().width };
      probe.remove();
      return size;
    });
    expect(given).toBeGreaterThanOrEqual(needed - 0.5);
  }
});

/** At the top the header sits above the first row; scrolled, it sticks under the page's bar with a row right under it. */
async function expectStickyHeader(page: Page): Promise<void> {
  const header = page.getByTestId("table-header");
  const first = taskRows(page).first();
  const headerBox = (await header.boundingBox())!;
  const rowBox = (await first.boundingBox())!;
  expect(rowBox.y).toBeGreaterThanOrEqual(headerBox.y + headerBox.height - 0.5);
  await page.mouse.wheel(0, 1_200);
  await expect.poll(async () => page.evaluate(() => window.scrollY)).toBeGreaterThan(600);
  const bar = (await page.locator("header").first().boundingBox())!;
  await expect.poll(async () => Math.round((await header.boundingBox())!.y)).toBe(Math.round(bar.y + bar.height));
  const stuck = (await header.boundingBox())!;
  const under = await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest("[role=row]")?.getAttribute("data-task-id") ?? null,
    [stuck.x + 40, stuck.y + stuck.height + 4]);
  expect(under).not.toBeNull();
  await page.evaluate(() => window.scrollTo(0, 0));
}

test("the table's header stays on top of the rows and never covers the first one", async ({ page }, testInfo) => {
  await openDashboard(page, "?refresh=off");
  const first = taskRows(page).first();
  const firstId = await first.getAttribute("data-task-id");
  if (isPhone(testInfo.project.name)) {
    // A list of cards: ID, type, status and age in each, every card a thumb-sized target.
    const box = (await first.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(48);
    await expect(first.locator("[role=cell]")).toHaveCount(4);
    await expect(first.locator("[data-status]")).toBeVisible();
    await expect(first).toContainText(/ago|just now/);
  } else {
    // On the 1024 px laptop too, where the table used to scroll sideways and its header sat over the first row.
    await expectStickyHeader(page);
  }
  // The first row takes the click (or tap): Playwright checks that the point it hits belongs to the row, not to the header.
  if (isPhone(testInfo.project.name)) await first.tap({ position: { x: 200, y: 30 } });
  else await first.click({ position: { x: 700, y: 24 } });
  await expect(page).toHaveURL(new RegExp(`task=${firstId}`));
});

test("the detail and its close button are fully on screen (a full-screen sheet on a phone); Esc then Back does not reopen it", async ({ page }, testInfo) => {
  await openDashboard(page, "?refresh=off");
  const firstId = await taskRows(page).first().getAttribute("data-task-id");
  await taskRows(page).first().getByRole("button", { name: /^Open task/ }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("Created", { exact: true })).toBeVisible();
  await expectInViewport(page, dialog, "detail");
  await expectInViewport(page, page.getByTestId("close-detail"), "close button");
  await expectNoSidewaysScroll(page, "detail open");
  if (isPhone(testInfo.project.name)) {
    const box = (await dialog.boundingBox())!;
    expect(box.width).toBe(page.viewportSize()!.width);
    expect(box.height).toBe(page.viewportSize()!.height);
  }
  await expectNoSeriousA11yViolations(page, "detail");
  await page.getByTestId("close-detail").click();
  await expect(dialog).toBeHidden();
  // Open again, close with Esc, then Back: the detail stays closed.
  await taskRows(page).first().getByRole("button", { name: /^Open task/ }).click();
  await expect(page).toHaveURL(new RegExp(`task=${firstId}`));
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await page.goBack();
  await expect(page).not.toHaveURL(/task=/);
  await expect(dialog).toBeHidden();
});

test("/oncall fits the screen with no serious axe violations", async ({ page }) => {
  // A worker's first /oncall reads every app's window: on a busy machine that takes a while.
  test.setTimeout(150_000);
  await page.goto("/oncall?refresh=5s");
  await expect(page.getByTestId("oncall-app").first()).toBeVisible({ timeout: 120_000 });
  await expectNoSidewaysScroll(page, "/oncall");
  await expectNoSeriousA11yViolations(page, "/oncall");
  await page.getByText("Thresholds").click();
  await expectNoSidewaysScroll(page, "/oncall thresholds open");
});

test("the pages lead to each other", async ({ page, request }) => {
  await openDashboard(page, "?refresh=off");
  await page.getByRole("link", { name: "On-call view" }).click();
  await expect(page).toHaveURL(/\/oncall/);
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/(\?.*)?$/);
  expect((await request.get("/favicon.ico")).status()).toBe(200);
});
