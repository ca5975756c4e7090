import { expectNoSeriousA11yViolations } from "./support/axe";
import type { Page } from "@playwright/test";
import { expect, test } from "./support/test";
import type { OncallResponse } from "../lib/oncall/types";
import type { Stats } from "../lib/stats/stats";
import { clearFaults, setFaults } from "./support/emulator";

const APP = 1500000001;
// Both apps, so that arrivals are frequent enough to show a stall even at the emulator's nightly
// trough. The emulator's queues have real tails (more so at its daily peak), so a tight waiting SLO
// may read amber at any hour: the test asserts what only a stall produces, the "Stalled" reason.
// The stall window is 45 s rather than the default 2 minutes (lib/oncall/assess.test.ts covers
// that), so the spec waits less at each of its three screen sizes.
const STALL_VIEW = "/oncall?refresh=5s&waitSlo=30s&runSlo=3h&failRate=50&stall=45s";

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

const state = (page: Page) => page.getByTestId("oncall-state");
const tile = (page: Page, name: string) => page.getByTestId(`tile-${name}`);

async function openOncall(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expect(page.getByTestId("oncall-app").first()).toBeVisible({ timeout: 60_000 });
}

test("the tiles show the counts of /api/stats for the same SubAppId and sync; no serious axe violations; no unasked permission prompt", async ({ page, request }) => {
  await page.addInitScript(() => {
    const calls = { count: 0 };
    (window as unknown as { permissionAsks: typeof calls }).permissionAsks = calls;
    if ("Notification" in window) Notification.requestPermission = async () => (calls.count++, "denied");
  });
  await openOncall(page, `/oncall?subAppId=${APP}&refresh=5s`);
  const app = page.getByTestId("oncall-app");
  await expect.poll(async () => {
    const syncedAt = await app.getAttribute("data-synced-at");
    const shown = [Number(await tile(page, "waiting").getAttribute("data-value")), Number(await tile(page, "processing").getAttribute("data-value"))];
    const stats = (await (await request.get(`/api/stats?subAppId=${APP}`)).json()) as Stats;
    if (stats.coverage.syncedAt !== syncedAt) return `different syncs: ${syncedAt} vs ${stats.coverage.syncedAt}`;
    return JSON.stringify(shown) === JSON.stringify([stats.byStatus.WAITING, stats.byStatus.PROCESSING]) ? "equal" : `tiles ${shown} vs stats ${stats.byStatus.WAITING},${stats.byStatus.PROCESSING}`;
  }, { timeout: 45_000, intervals: [500] }).toBe("equal");
  await expect(page).toHaveTitle(/VOD on-call$/);

  await expectNoSeriousA11yViolations(page, "on-call");
  expect(await page.evaluate(() => (window as unknown as { permissionAsks: { count: number } }).permissionAsks.count)).toBe(0);
});

test("a stall is named within its window, with the stuck tasks linked to their detail; clearing it removes the stall", async ({ page, request }) => {
  test.setTimeout(240_000);
  const reasons = page.getByTestId("oncall-reasons");
  await openOncall(page, STALL_VIEW);
  // Calm first: every app read in full (a fresh server reads the second app on first request), no stall.
  await expect(page.getByText("Still reading the 72-hour window")).toHaveCount(0, { timeout: 60_000 });
  await expect(reasons.filter({ hasText: "Stalled" })).toHaveCount(0);
  await setFaults(request, { stallProcessing: true });

  // Nothing starts from now on: once a task has waited the whole window, the view names the stall.
  await expect(reasons).toContainText(/Stalled: nothing started in 45s while \d+ tasks? waits?/, { timeout: 120_000 });
  await expect(state(page)).toHaveAttribute("data-state", /amber|red/);
  await expect(page).toHaveTitle(/\d+ stuck · VOD on-call/);
  const link = page.getByTestId("stuck-task").first();
  await expect(link).toBeVisible();
  const taskId = await link.getAttribute("data-task-id");
  const href = await link.getAttribute("href");
  expect(href).toBe(`/?subAppId=${await link.locator("xpath=ancestor::section[@data-subappid]").getAttribute("data-subappid")}&task=${taskId}`);
  // The API agrees: the listed task is WAITING beyond the SLO.
  const subAppId = new URLSearchParams(href!.slice(2)).get("subAppId");
  const body = (await (await request.get(`/api/oncall?subAppId=${subAppId}&waitSlo=30s`)).json()) as OncallResponse;
  expect(body.apps[0].stuck.waiting.find((task) => task.taskId === taskId)?.seconds).toBeGreaterThanOrEqual(30);
  // The link opens that task's detail on the dashboard.
  const detail = await page.context().newPage();
  await detail.goto(href!);
  await expect(detail.getByRole("dialog").getByRole("heading", { name: taskId! })).toBeVisible();
  await detail.close();
  // Red and amber screens, with their lists, stay accessible too.
  await expectNoSeriousA11yViolations(page, "stalled on-call");

  // Tasks start again at once: the stall is no longer named (queues drain at their own pace).
  await clearFaults(request);
  await expect(reasons.filter({ hasText: "Stalled" })).toHaveCount(0, { timeout: 60_000 });
});

test("an outage makes the whole screen say its data is stale, with when it last succeeded", async ({ page, request }) => {
  test.setTimeout(120_000);
  await openOncall(page, `/oncall?subAppId=${APP}&refresh=5s`);
  await expect(state(page)).toHaveAttribute("data-stale", "false");
  // A good sync first, so that there is a "last good" moment to show.
  await expect(page.getByTestId("oncall-app")).toHaveAttribute("data-synced-at", /\d/, { timeout: 60_000 });
  await setFaults(request, { outage: true });
  await expect(state(page)).toHaveAttribute("data-stale", "true", { timeout: 45_000 });
  await expect(state(page)).toContainText(/Data stale/i);
  await expect(page.getByTestId("stale-reason")).toContainText(/Last good data: \d\d:\d\d:\d\d/);
  await expect(tile(page, "waiting")).toHaveAttribute("data-stale", "true");
  await expect(page).toHaveTitle(/^⚠ STALE/);
  await clearFaults(request);
  await expect(state(page)).toHaveAttribute("data-stale", "false", { timeout: 60_000 });
});

test("a bad threshold in the API is a 400 naming it", async ({ request }) => {
  const response = await request.get("/api/oncall?waitSlo=ten");
  expect(response.status()).toBe(400);
  expect((await response.json()).error.message).toMatch(/^waitSlo: /);
});

test("a mistyped threshold in the page's URL is named with the reason it was ignored", async ({ page }) => {
  await openOncall(page, "/oncall?waitSlo=ten&failRate=500");
  const notice = page.getByTestId("url-notice");
  await expect(notice.locator("[data-param=waitSlo]")).toContainText("waitSlo=ten");
  await expect(notice.locator("[data-param=failRate]")).toContainText("1 to 100");
});
