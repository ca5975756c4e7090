import { isoSeconds } from "../lib/model/iso-time";
import { expect, test } from "./support/test";
import type { Task, TaskPage } from "../lib/model/task";
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
  // The first page came with the HTML: the browser asks only for the pages after it, never for it again.
  const cursors = pages.map((p) => p.url.searchParams.get("cursor"));
  expect(cursors.every((cursor) => cursor)).toBe(true);
  const ids = pages.flatMap((p) => p.body.tasks.map((task) => task.taskId));
  expect(new Set(ids).size).toBe(ids.length);
  expect(await taskRows(page).count()).toBeLessThanOrEqual(150);
  const rendered = await renderedTaskIds(page);
  expect(new Set(rendered).size).toBe(rendered.length);
  expect(seen.size).toBeGreaterThan(rendered.length);
});

/**
 * The emulator's arrivals follow a daily curve and can pause for minutes, and the newest page may
 * hold no unfinished task at a quiet hour. So the real answers pass through with two changes made
 * on the wire: the first loaded task is made unfinished, and later the head and the updates report
 * what the emulator would, a new task and that task finished, without waiting for it to happen.
 */
test("polling: new tasks wait behind a pill, changed rows update in place, one head call per refresh", async ({ page }) => {
  test.setTimeout(90_000);
  let target = "";
  let targetFinished = false;
  let injectNewTask = false;
  const listCalls: { cursor: string | null; at: number }[] = [];
  const isoNow = () => isoSeconds(Date.now());
  await page.route((url) => url.pathname === "/api/tasks", async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as TaskPage;
    const cursor = new URL(route.request().url()).searchParams.get("cursor");
    listCalls.push({ cursor, at: Date.now() });
    if (!cursor && !target && body.tasks.length > 0) target = body.tasks[0].taskId;
    body.tasks = body.tasks.map((task) => task.taskId === target && !targetFinished
      ? { ...task, status: "PROCESSING", beginProcessTime: task.beginProcessTime ?? task.createTime, finishTime: null }
      : task);
    if (!cursor && injectNewTask) {
      body.tasks.unshift({ ...body.tasks[0], taskId: "1500000001-e2e-new-task", status: "WAITING", createTime: isoNow(), beginProcessTime: null, finishTime: null });
    }
    await route.fulfill({ response, json: body });
  });
  await page.route((url) => url.pathname === "/api/tasks/updates", async (route) => {
    const response = await route.fetch();
    const body = response.ok() ? ((await response.json()) as { tasks: Task[]; syncedAt: string | null }) : { tasks: [], syncedAt: null };
    const ids = new URL(route.request().url()).searchParams.get("ids")?.split(",") ?? [];
    body.tasks = body.tasks.filter((task) => task.taskId !== target);
    if (targetFinished && ids.includes(target)) {
      body.tasks.push({ taskId: target, taskType: "Procedure", status: "FINISH", fileId: "", createTime: "2026-01-01T00:00:00Z",
        beginProcessTime: "2026-01-01T00:00:01Z", finishTime: isoNow(), sessionId: "", sessionContext: "" });
    }
    await route.fulfill({ json: body });
  });

  // The opened view's first page comes with the HTML, off the wire: start from an empty view and
  // widen it, so that the first page of the view under test is one the browser fetches.
  await page.goto("/?refresh=5s&limit=50&fileId=e2e-no-such-file");
  await page.getByTestId("empty-state").getByRole("button", { name: "Clear filters" }).click();
  await expect(taskRows(page).first()).toBeVisible();
  const targetRow = page.locator(`[role=row][data-task-id="${target}"]`);
  await expect(targetRow.locator("[data-status]")).toHaveAttribute("data-status", "PROCESSING");

  // Load two more pages, then watch a few refreshes: each one asks for the head only.
  for (let step = 0; step < 30 && listCalls.filter((c) => c.cursor).length < 2; step++) {
    await page.mouse.wheel(0, 3_000);
    await page.waitForTimeout(150);
  }
  expect(listCalls.filter((c) => c.cursor).length).toBeGreaterThanOrEqual(2);
  await page.evaluate(() => window.scrollTo(0, 0));
  targetFinished = true;
  const watchFrom = Date.now();
  await expect(targetRow.locator("[data-status]")).toHaveAttribute("data-status", "FINISH", { timeout: 15_000 });
  await page.waitForTimeout(11_000);
  const during = listCalls.filter((c) => c.at >= watchFrom);
  expect(during.filter((c) => c.cursor)).toEqual([]);
  expect(during.length).toBeGreaterThanOrEqual(1);
  expect(during.length).toBeLessThanOrEqual(4);

  const firstId = await taskRows(page).first().getAttribute("data-task-id");
  injectNewTask = true;
  const pill = page.getByTestId("new-tasks-pill");
  // At least the injected task; the emulator may have added real ones meanwhile.
  await expect(pill).toHaveText(/\d+ new tasks?/, { timeout: 15_000 });
  // Nothing moved under the reader while the pill waited.
  await expect(taskRows(page).first()).toHaveAttribute("data-task-id", firstId!);
  // At the emulator's daily peak real arrivals raise the pill again within a poll or two, so it
  // may not stay hidden; and one may raise it before the head carries the injected task. Show new tasks whenever offered until the injected one stands above the old first row.
  await expect.poll(async () => {
    if (await pill.isVisible()) await pill.click();
    const ids = await renderedTaskIds(page);
    const injected = ids.indexOf("1500000001-e2e-new-task");
    return injected >= 0 && injected < ids.indexOf(firstId!);
  }, { timeout: 20_000 }).toBe(true);
});

test("an upstream fault keeps the data, marks it stale with the reason, and recovers", async ({ page, request }) => {
  test.setTimeout(120_000);
  await openDashboard(page, "?refresh=5s");
  // Rows are virtualised and the banner takes room: what must stay is the data, row for row.
  const rowsBefore = (await renderedTaskIds(page)).slice(0, 8);
  await setFaults(request, { errorRate: 1 });
  const banner = page.getByTestId("stale-banner");
  await expect(banner).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId("stale-reason")).toContainText(/Upstream|Internal/);
  await expect(page.getByRole("button", { name: /Retry/ })).toBeVisible();
  expect((await renderedTaskIds(page)).slice(0, 8)).toEqual(rowsBefore);
  await clearFaults(request);
  await expect(banner).toBeHidden({ timeout: 60_000 });
  await expect(page.getByTestId("updated-at")).toContainText(/Updated (just now|\ds ago)/);
});
