import { expect, test } from "./support/test";
import type { TaskPage } from "../lib/model/task";
import { isPhone, isTaskListResponse, openDashboard, showFilters, taskRows } from "./support/dashboard";
import { clearFaults } from "./support/emulator";

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("filters reach the URL and the API; reload and Back restore the view", async ({ page }) => {
  await openDashboard(page, "?refresh=off");
  await showFilters(page);

  const statusCall = page.waitForResponse((r) => isTaskListResponse(r) && new URL(r.url()).searchParams.get("status") === "FINISH");
  await page.getByRole("button", { name: /^Finished/ }).click();
  await expect(page).toHaveURL(/[?&]status=FINISH/);
  const finished = await statusCall;
  expect(finished.ok()).toBe(true);
  await expect(taskRows(page).first().locator("[data-status]")).toHaveAttribute("data-status", "FINISH");

  // Typing is debounced into one request and replaces the history entry rather than pushing one per key.
  const fileId = ((await finished.json()) as TaskPage).tasks.find((task) => task.fileId)!.fileId;
  const fileCall = page.waitForResponse((r) => isTaskListResponse(r) && new URL(r.url()).searchParams.get("fileId") === fileId);
  await page.keyboard.press("/");
  await expect(page.getByLabel("File ID")).toBeFocused();
  await page.keyboard.type(fileId, { delay: 20 });
  const ofFile = (await (await fileCall).json()) as TaskPage;
  await expect(page).toHaveURL(new RegExp(`fileId=${fileId}`));
  expect(ofFile.tasks.length).toBeGreaterThan(0);
  expect(ofFile.tasks.every((task) => task.fileId === fileId)).toBe(true);
  await expect(taskRows(page).first()).toHaveAttribute("data-task-id", ofFile.tasks[0].taskId);

  await page.getByLabel("Created", { exact: true }).selectOption("now-72h");
  await expect(page).toHaveURL(/createdAfter=now-72h/);
  await page.getByLabel("Sort").selectOption("createTime:asc");
  await expect(page).toHaveURL(/sort=createTime(:|%3A)asc/);

  await page.reload();
  await showFilters(page);
  await expect(page.getByRole("button", { name: /^Finished/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("File ID")).toHaveValue(fileId);
  await expect(page.getByLabel("Created", { exact: true })).toHaveValue("now-72h");
  await expect(page.getByLabel("Sort")).toHaveValue("createTime:asc");

  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(page.getByLabel("Sort")).toHaveValue("createTime:desc");
  await expect(page.getByLabel("Created", { exact: true })).toHaveValue("now-72h");
  await page.goBack();
  await expect(page).not.toHaveURL(/createdAfter/);
  await expect(page.getByLabel("File ID")).toHaveValue(fileId);
  await page.goForward();
  await expect(page.getByLabel("Created", { exact: true })).toHaveValue("now-72h");
});

test("clicking a file ID filters by it", async ({ page }) => {
  await openDashboard(page, "?refresh=off&status=FINISH");
  // In its row where the table has the column; on a phone, in the task's detail.
  let fileButton = taskRows(page).first().getByTitle(/^Show only tasks of file /);
  if (isPhone(page)) {
    await taskRows(page).first().getByRole("button", { name: /^Open task/ }).click();
    fileButton = page.getByRole("dialog").getByTitle("Show only this file's tasks");
  }
  const fileId = (await fileButton.innerText()).trim();
  await fileButton.click();
  await expect(page).toHaveURL(new RegExp(`fileId=${fileId}`));
  await expect(page.getByLabel("File ID")).toHaveValue(fileId);
});

test("a bad URL still renders a working page", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const firstCall = page.waitForResponse(isTaskListResponse);
  await page.goto("/?status=BOGUS&limit=-3&tz=Mars/Base&createdAfter=garbage");
  const response = await firstCall;
  expect(response.status()).toBe(200);
  const params = new URL(response.url()).searchParams;
  expect([...params.keys()]).toEqual([]);
  await expect(taskRows(page).first()).toBeVisible();
  await expect(page.getByLabel("Time zone")).toHaveValue("local");
  await expect(page.getByText("Invalid Date")).toHaveCount(0);
  // Still usable: a filter works from here.
  await showFilters(page);
  await page.getByRole("button", { name: /^Processing/ }).click();
  await expect(page).toHaveURL(/status=PROCESSING/);
  expect(errors).toEqual([]);
});

test("tz changes the displayed times", async ({ page, request }) => {
  await openDashboard(page, "?refresh=off&tz=UTC");
  const taskId = (await taskRows(page).first().getAttribute("data-task-id"))!;
  const iso = ((await (await request.get(`/api/tasks/${taskId}`)).json()) as { createTime: string }).createTime;
  const expected = (zone: string) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(Date.parse(iso)).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  };
  // The created time: in its row where the table has the column; on a phone, in the task's detail.
  const expectCreated = async (zone: string) => {
    if (!isPhone(page)) return expect(page.locator(`[role=row][data-task-id="${taskId}"] time`).first()).toHaveText(expected(zone));
    await page.locator(`[role=row][data-task-id="${taskId}"]`).getByRole("button", { name: /^Open task/ }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.locator("dt", { hasText: /^Created$/ }).locator("xpath=following-sibling::dd[1]")).toContainText(expected(zone));
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  };
  await expectCreated("UTC");
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await expect(page).toHaveURL(/tz=Asia(\/|%2F)Shanghai/);
  await expectCreated("Asia/Shanghai");
});
