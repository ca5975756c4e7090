import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { openDashboard, showFilters } from "./support/dashboard";
import type { Health } from "../lib/model/health";

const HOUR = 3_600_000;

// Axe over a page of rows and charts takes a while on a busy two-core machine.
test.describe.configure({ timeout: 180_000 });
const CSV_HEADER = "taskId,taskType,status,fileId,createTime,beginProcessTime,finishTime,outcome,errorCode,sessionId,sessionContext,message";

/** `2026-11-29 14:00:00` (the page's times in tz=UTC) as epoch ms. */
const utcMs = (text: string) => Date.parse(`${text.replace(" ", "T")}Z`);

/** Answers the page's /api/health with the store failing since `since`, the rest as the server says. */
async function failStoreInHealth(page: Page, since: string): Promise<void> {
  await page.route((url) => url.pathname === "/api/health", async (route) => {
    const health = (await (await route.fetch()).json()) as Health;
    const store = { engine: "sqlite" as const, tasks: null, oldest: null, outcomesKnown: null, outcomesPending: null, ...health.store, ok: false, error: "disk I/O error", since };
    await route.fulfill({ json: { ...health, status: "degraded", store } });
  });
}

test("a view reaching past 72 hours says which part comes from history; the default view says nothing", async ({ page }) => {
  await openDashboard(page, "?tz=UTC");
  // Both answers are in (the list's rows, the charts' coverage line) and neither mentions history.
  await expect(page.getByTestId("stats-coverage")).toBeVisible();
  await expect(page.getByTestId("history-notice")).toHaveCount(0);

  await openDashboard(page, "?tz=UTC&createdAfter=now-7d");
  const notice = page.getByTestId("history-notice");
  await expect(notice).toHaveAttribute("data-state", "ok");
  await expect(notice).toContainText("come from the dashboard's history (kept 30 days); newer ones are read live from VOD.");
  // The boundary is upstream's 72 hours, written as the page writes times (tz=UTC).
  const before = /Tasks created before (\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}) come/.exec(await notice.innerText())?.[1];
  expect(before).toBeDefined();
  expect(Math.abs(utcMs(before!) - (Date.now() - 72 * HOUR))).toBeLessThan(5 * 60_000);
  // The charts count the store's history too, and the notice says so once the stats have answered.
  await expect(notice).toContainText("The charts and counts include the history.");
  await expect(notice).not.toContainText("cover only VOD's last 72 hours");
  await expectNoSeriousA11yViolations(page, "history notice");

  // Back to a view inside 72 hours: the notice goes.
  await showFilters(page);
  await page.locator("#created-range").selectOption("now-24h");
  await expect(page).toHaveURL(/createdAfter=now-24h/);
  await expect(page.getByTestId("stats-coverage")).toBeVisible();
  await expect(page.getByTestId("history-notice")).toHaveCount(0);
});

test("an oldest-first view reaching past 72 hours goes on to upstream's part by itself when the store's is short", async ({ page }) => {
  // The store holds nothing older than the emulator's 72 hours: the first page (the store's part) is empty.
  await openDashboard(page, "?tz=UTC&createdAfter=now-7d&sort=createTime:asc");
  await expect(page.getByTestId("history-notice")).toHaveAttribute("data-state", "ok");
});

test("Export downloads exactly the view's filters, as CSV with a header row", async ({ page }) => {
  await openDashboard(page, "?tz=UTC&createdAfter=now-7d&status=FINISH&sort=finishTime:desc");
  await page.getByTestId("export-toggle").click();
  const csv = page.getByRole("link", { name: "Export CSV" });
  const ndjson = page.getByRole("link", { name: "Export NDJSON" });
  await expect(csv).toBeVisible();
  await expectNoSeriousA11yViolations(page, "export menu");

  const href = new URL((await csv.getAttribute("href"))!, page.url());
  expect(href.pathname).toBe("/api/tasks/export");
  expect(Object.fromEntries(href.searchParams)).toEqual({ createdAfter: "now-7d", status: "FINISH", sort: "finishTime:desc", format: "csv" });
  expect(new URL((await ndjson.getAttribute("href"))!, page.url()).searchParams.get("format")).toBe("ndjson");

  const [download] = await Promise.all([page.waitForEvent("download"), csv.click()]);
  expect(download.suggestedFilename()).toMatch(/^vod-tasks-\d{8}-\d{6}\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).split("\r\n").filter(Boolean);
  expect(lines[0]).toBe(CSV_HEADER);
  // Every row is of the view: finished tasks only, the last to finish first.
  const rows = lines.slice(1).map((line) => line.split(","));
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((row) => row[2] === "FINISH")).toBe(true);
  const finished = rows.map((row) => row[6]);
  expect(finished).toEqual([...finished].sort().reverse());
  await expect(page.getByTestId("export-menu")).toHaveCount(0);
});

test("a failing store shows a banner saying since when, and the older part of a long view as unavailable", async ({ page }) => {
  const since = new Date(Date.now() - 5 * 60_000);
  since.setUTCMilliseconds(0);
  // The page's own clock, to move to its next health poll (once a minute) without waiting for it.
  await page.clock.install();
  await failStoreInHealth(page, since.toISOString().replace(".000Z", "Z"));
  await openDashboard(page, "?tz=UTC&createdAfter=now-7d");
  const banner = page.getByTestId("store-banner");
  const clock = since.toISOString().slice(11, 19);
  await expect(banner).toContainText(`History store unavailable since ${clock}: showing live data from VOD only.`);
  await expect(banner).toContainText("not being saved to history until it recovers");
  await expect(page.getByTestId("history-notice")).toHaveAttribute("data-state", "unavailable");
  await expect(page.getByTestId("history-notice")).toContainText("cannot be shown now: the dashboard's history store is unavailable");
  await page.getByTestId("export-toggle").click();
  await expect(page.getByTestId("export-menu")).toContainText("unavailable now");
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "store banner");

  // The store answers again: at the next health poll the banner goes and the export is offered.
  await page.unrouteAll({ behavior: "wait" });
  await page.keyboard.press("Escape");
  await page.clock.fastForward(61_000);
  await expect(banner).toHaveCount(0);
  await expect(page.getByTestId("history-notice")).toHaveAttribute("data-state", "ok");
});
