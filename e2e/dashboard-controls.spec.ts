import { expect, test } from "./support/test";
import type { TaskDetail, TaskPage } from "../lib/model/task";
import { collectTaskPages, openDashboard, showFilters, taskRows, typeCells } from "./support/dashboard";

// Controls that do what their labels say (issue "Correct on every screen", numbered points).

const ABSOLUTE = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

test("Freeze fixes both ends of the window to absolute times, on the default view too", async ({ page }) => {
  await openDashboard(page, "?refresh=off");
  const freeze = page.getByRole("button", { name: "Freeze" });
  await expect(freeze).toBeEnabled();
  await freeze.click();
  await expect(page).toHaveURL(/createdBefore=/);
  const params = new URL(page.url()).searchParams;
  expect(params.get("createdAfter")).toMatch(ABSOLUTE);
  expect(params.get("createdBefore")).toMatch(ABSOLUTE);
  expect(Date.parse(params.get("createdBefore")!) - Date.parse(params.get("createdAfter")!)).toBeGreaterThanOrEqual(72 * 3_600_000 - 1_000);
  await expect(page.getByRole("button", { name: "Frozen" })).toBeDisabled();

  // A quick range freezes to both of its ends as well.
  await openDashboard(page, "?refresh=off&createdAfter=now-1h");
  await page.getByRole("button", { name: "Freeze" }).click();
  await expect(page).toHaveURL(/createdBefore=/);
  const quick = new URL(page.url()).searchParams;
  expect(quick.get("createdAfter")).toMatch(ABSOLUTE);
  expect(Date.parse(quick.get("createdBefore")!) - Date.parse(quick.get("createdAfter")!)).toBe(3_600_000);
});

test("the type filter matches known types whatever their case and scans on by itself until the page fills", async ({ page }) => {
  test.setTimeout(120_000);
  const pages = collectTaskPages(page);
  // A rare type in a six-hour window: one request reads 5 upstream pages and finds a few; the page goes on by itself.
  await page.goto("/?refresh=off&limit=20&createdAfter=now-6h&type=qualityinspect");
  await expect(page.getByLabel("Task type")).toHaveValue("QualityInspect");
  await expect(page.getByTestId("type-unknown")).toHaveCount(0);
  // Rows are virtualised: the table's row count says how many are loaded. Nobody pressed "Load more".
  await expect.poll(async () => Number(await page.getByRole("table", { name: "Tasks" }).getAttribute("aria-rowcount")) - 1, { timeout: 90_000 })
    .toBeGreaterThanOrEqual(20);
  const types = await typeCells(page).allInnerTexts();
  expect(new Set(types)).toEqual(new Set(["QualityInspect"]));
  expect(pages.every((p) => p.url.searchParams.get("type") === "QualityInspect")).toBe(true);
  expect(new Set(pages.flatMap((p) => p.body.tasks.map((task) => task.taskType)))).toEqual(new Set(["QualityInspect"]));
});

test("an unknown type is marked, and its scan runs to the end of the window saying how far it got", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/?refresh=off&createdAfter=now-2h&type=NoSuchType");
  await expect(page.getByTestId("type-unknown")).toBeVisible();
  await expect(page.getByTestId("empty-state")).toContainText("Every task in this window was looked through", { timeout: 90_000 });
});

test("a reversed custom range is refused by the fields, and a link with one says so beside them", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await openDashboard(page, "?refresh=off&tz=UTC&createdAfter=2026-12-01T12:00:00Z&createdBefore=2026-12-01T13:00:00Z");
  await showFilters(page);
  await page.getByLabel(/^Created from/).fill("2026-12-01T14:00");
  await expect(page.getByTestId("created-range-problem")).toContainText("earlier");
  expect(new URL(page.url()).searchParams.get("createdAfter")).toBe("2026-12-01T12:00:00Z");

  await page.goto("/?refresh=off&createdAfter=now-1h&createdBefore=now-2h");
  // Shown, not folded away: on a phone such a link opens the filters.
  await expect(page.getByTestId("created-range-problem")).toBeVisible();
  await expect(page.getByTestId("created-range-problem")).toContainText("createdBefore");
  await expect(taskRows(page).first()).toBeVisible();
  await expect(page.getByText("The tasks could not be loaded")).toHaveCount(0);
  await expect(page.getByTestId("updated-at")).toContainText("Updated");
  expect(errors).toEqual([]);
});

test("invalid values in the page's URL are named with the reason they were ignored", async ({ page }) => {
  await page.goto("/?status=FAILED&limit=500&sort=bogus&refresh=off");
  const notice = page.getByTestId("url-notice");
  await expect(notice).toBeVisible();
  await expect(notice.locator("[data-param=status]")).toContainText("status=FAILED");
  await expect(notice.locator("[data-param=status]")).toContainText("FINISH");
  await expect(notice.locator("[data-param=limit]")).toContainText("1 to 100");
  await expect(notice.locator("[data-param=sort]")).toContainText("createTime:desc");
  await expect(taskRows(page).first()).toBeVisible();
  // Choosing a status replaces the ignored one, and the notice forgets it.
  await showFilters(page);
  await page.getByRole("button", { name: /^Processing/ }).click();
  await expect(notice.locator("[data-param=status]")).toHaveCount(0);
  await expect(notice.locator("[data-param=limit]")).toBeVisible();
  await page.goto("/?status=ABORTED&refresh=off");
  await expect(page.getByTestId("url-notice").locator("[data-param=status]")).toContainText("ABORTED");
});

test("j/k and the arrow keys move the open detail with the highlighted row", async ({ page }) => {
  await openDashboard(page, "?refresh=off");
  const ids = await taskRows(page).evaluateAll((rows) => rows.slice(0, 3).map((row) => row.getAttribute("data-task-id")!));
  await taskRows(page).first().getByRole("button", { name: /^Open task/ }).click();
  const heading = page.getByRole("dialog").getByRole("heading", { level: 2 });
  await expect(heading).toContainText(ids[0]);
  await page.keyboard.press("j");
  await expect(heading).toContainText(ids[1]);
  await expect(page).toHaveURL(new RegExp(`task=${ids[1]}`));
  await page.keyboard.press("ArrowDown");
  await expect(heading).toContainText(ids[2]);
  await page.keyboard.press("k");
  await expect(heading).toContainText(ids[1]);
  await expect(taskRows(page).nth(1)).toHaveAttribute("aria-current", "true");
});

test("a finish-time sort lists finished tasks, so unfinished ones cannot push them off the first page", async ({ page }) => {
  await openDashboard(page, "?refresh=off&sort=finishTime:asc");
  const statuses = await taskRows(page).locator("[data-status]").evaluateAll((badges) => badges.map((badge) => badge.getAttribute("data-status")));
  expect(statuses.length).toBeGreaterThan(5);
  expect(statuses.filter((status) => status !== "FINISH" && status !== "ABORTED")).toEqual([]);
});

test("the detail names the file of every type whose input holds it elsewhere, as the list row does", async ({ request }) => {
  for (const type of ["ComposeMedia", "EditMedia", "ExtractTraceWatermark", "QualityInspect", "RemoveWatermark", "ReviewAudioVideo", "SplitMedia"]) {
    const list = (await (await request.get(`/api/tasks?type=${type}&limit=1&createdAfter=now-24h`)).json()) as TaskPage;
    expect(list.tasks.length, type).toBe(1);
    const detail = (await (await request.get(`/api/tasks/${list.tasks[0].taskId}`)).json()) as TaskDetail;
    expect(detail.fileId, type).not.toBe("");
    if (list.tasks[0].fileId) expect(detail.fileId, type).toBe(list.tasks[0].fileId);
  }
});

test("a failed task wears no green in the detail: its badge says Failed, its bar is red", async ({ page, request }) => {
  test.setTimeout(90_000);
  const { tasks } = (await (await request.get("/api/tasks?status=FINISH&limit=100&createdAfter=now-24h")).json()) as TaskPage;
  let failed: string | null = null;
  for (const task of tasks) {
    const detail = (await (await request.get(`/api/tasks/${task.taskId}`)).json()) as TaskDetail;
    if (detail.outcome === "failed") { failed = task.taskId; break; }
  }
  expect(failed, "a failed task among the last 100 finished").not.toBeNull();
  await page.goto(`/?refresh=off&task=${failed}`);
  const dialog = page.getByRole("dialog");
  const badge = dialog.locator("[data-status]");
  await expect(badge).toHaveAttribute("data-outcome", "failed");
  await expect(badge).toHaveText("Failed");
  // The task's own status and progress: nothing green (a step that succeeded inside it may still say so).
  const [status, progress] = [dialog.locator("dd").nth(0), dialog.locator("dd").nth(1)];
  await expect(status).not.toContainText("Finished");
  expect(await status.locator("[class*=emerald]").count()).toBe(0);
  expect(await progress.locator("[class*=emerald], [class*=bg-blue]").count()).toBe(0);
});
