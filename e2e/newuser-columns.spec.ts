import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { isPhone, openDashboard, taskRows } from "./support/dashboard";
import { expect, test } from "./support/test";

/** The header's columns a reader sees (a column too wide for the screen is left out: "Started" below 1536 px, and more below). */
const headers = (page: Page) => page.getByTestId("table-header").getByRole("columnheader");
const ALL_HEADERS = ["Task ID", "Type", "Status", "Outcome", "File ID", "Created", "Started", "Finished", "Wait", "Run", "Session"];
/** The default columns this screen's width shows, in their default order. */
async function defaultHeaders(page: Page): Promise<string[]> {
  const shown = (await headers(page).allTextContents()).map((text) => text.trim());
  expect(shown).toEqual(ALL_HEADERS.filter((header) => shown.includes(header)));
  expect(shown).toEqual(expect.arrayContaining(["Task ID", "Type", "Status", "Outcome", "File ID", "Created"]));
  return shown;
}
const STORAGE_KEY = "vod-dashboard.table.v1";

async function rowBoxes(page: Page) {
  const [first, second] = await Promise.all([taskRows(page).nth(0).boundingBox(), taskRows(page).nth(1).boundingBox()]);
  return { height: first!.height, pitch: second!.y - first!.y };
}

test("hidden and reordered columns survive a reload, compact rows are shorter, and Reset restores both", async ({ page, browser, baseURL }) => {
  // Four page loads and a second browser, on a shared two-core machine.
  test.setTimeout(150_000);
  test.skip(isPhone(page), "a phone lists cards, with no columns to choose: the next test checks that the control is not offered there");
  // The stored layout applies after hydration: the server's HTML and the first render agree (React's #418 otherwise).
  const hydrationErrors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /hydrat|#418|#423|#425/i.test(message.text())) hydrationErrors.push(message.text());
  });
  await openDashboard(page, "?refresh=off");
  const DEFAULT_HEADERS = await defaultHeaders(page);
  expect(await rowBoxes(page)).toEqual({ height: 48, pitch: 48 });

  const toggle = page.getByTestId("columns-toggle");
  await toggle.click();
  const menu = page.getByRole("region", { name: "Columns and density" });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole("checkbox", { name: "Task ID" })).toBeDisabled();
  await expectNoSeriousA11yViolations(page, "columns menu");

  await menu.getByRole("checkbox", { name: "Outcome" }).uncheck();
  // By keyboard: Status goes before Type, and the focus stays on its button for the next step.
  const statusUp = menu.getByRole("button", { name: "Move Status up" });
  await statusUp.focus();
  await page.keyboard.press("Enter");
  await expect(statusUp).toBeFocused();
  const chosen = ["Task ID", "Status", "Type", ...DEFAULT_HEADERS.slice(4)];
  await expect(headers(page)).toHaveText(chosen);
  // The cells follow their headers.
  const cells = taskRows(page).first().getByRole("cell");
  await expect(cells).toHaveCount(chosen.length);
  await expect(cells.nth(1).locator("[data-status]")).toBeVisible();

  await page.keyboard.press("Escape");
  await expect(menu).toBeHidden();
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveText("Columns · 1 hidden");
  // A preference of this browser, not part of the view: the link stays as it was.
  expect(new URL(page.url()).search).toBe("?refresh=off");

  await page.reload();
  await expect(taskRows(page).first()).toBeVisible();
  await expect(headers(page)).toHaveText(chosen);

  // The same link in another browser shows that browser's own (default) columns.
  const other = await browser.newPage({ baseURL, viewport: page.viewportSize() });
  await openDashboard(other, "?refresh=off");
  await expect(headers(other)).toHaveText(DEFAULT_HEADERS);
  await other.close();

  // Compact: shorter rows, and the virtualised rows are placed at the new height (no gaps between them).
  await toggle.click();
  await menu.getByRole("radio", { name: "Compact" }).check();
  await expect.poll(() => rowBoxes(page)).toEqual({ height: 36, pitch: 36 });
  await page.reload();
  await expect(taskRows(page).first()).toBeVisible();
  await expect.poll(() => rowBoxes(page)).toEqual({ height: 36, pitch: 36 });

  await toggle.click();
  await menu.getByRole("button", { name: "Reset" }).click();
  await expect(headers(page)).toHaveText(DEFAULT_HEADERS);
  await expect(menu.getByRole("radio", { name: "Comfortable" })).toBeChecked();
  await expect.poll(() => rowBoxes(page)).toEqual({ height: 48, pitch: 48 });
  await expect(toggle).toHaveText("Columns");
  expect(await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY)).toBeNull();
  expect(hydrationErrors).toEqual([]);
});

test("a stored layout that makes no sense falls back to the defaults; a phone keeps its cards", async ({ page }) => {
  test.setTimeout(90_000);
  await openDashboard(page, "?refresh=off");
  if (isPhone(page)) {
    // Whatever the browser keeps, a phone's rows are cards with their own four cells, and the Columns control is not offered.
    await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ order: ["run", "status"], hidden: ["type"], density: "compact" })), STORAGE_KEY);
    await page.reload();
    await expect(taskRows(page).first().getByRole("cell")).toHaveCount(4);
    await expect(page.getByTestId("columns-toggle")).toBeHidden();
    return;
  }
  const DEFAULT_HEADERS = await defaultHeaders(page);
  await page.evaluate((key) => localStorage.setItem(key, "{not json"), STORAGE_KEY);
  await page.reload();
  await expect(taskRows(page).first()).toBeVisible();
  await expect(headers(page)).toHaveText(DEFAULT_HEADERS);

  // Unknown columns dropped, those it lacks appended, the task ID shown whatever it says.
  await page.evaluate((key) => localStorage.setItem(key, JSON.stringify({ order: ["gone", "run", "status"], hidden: ["taskId", "type", 3], density: "huge" })), STORAGE_KEY);
  await page.reload();
  await expect(taskRows(page).first()).toBeVisible();
  await expect(headers(page)).toHaveText(["Run", "Status", "Task ID", "Outcome", "File ID", "Created", "Started", "Finished", "Wait", "Session"]
    .filter((header) => DEFAULT_HEADERS.includes(header)));
  expect((await rowBoxes(page)).height).toBe(48);

  // Where the header wraps and the button sits at the screen's left edge, the menu still opens on screen.
  await page.setViewportSize({ width: 800, height: 800 });
  await page.getByTestId("columns-toggle").click();
  const menu = (await page.getByRole("region", { name: "Columns and density" }).boundingBox())!;
  expect(menu.x).toBeGreaterThanOrEqual(0);
  expect(menu.x + menu.width).toBeLessThanOrEqual(800);
  await page.keyboard.press("Escape");

  // On a phone the rows are cards with their own four cells, and the Columns control is not offered.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(taskRows(page).first().getByRole("cell")).toHaveCount(4);
  await expect(page.getByTestId("columns-toggle")).toBeHidden();
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
});
