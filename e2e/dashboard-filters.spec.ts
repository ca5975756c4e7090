import { expect, test } from "./support/test";
import { isTaskListResponse, openDashboard, taskRows } from "./support/dashboard";
import { clearFaults } from "./support/emulator";

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("filters reach the URL and the API; reload and Back restore the view", async ({ page }) => {
  await openDashboard(page, "?refresh=off");

  const statusCall = page.waitForResponse((r) => isTaskListResponse(r) && new URL(r.url()).searchParams.get("status") === "FINISH");
  await page.getByRole("button", { name: /^Finished/ }).click();
  await expect(page).toHaveURL(/[?&]status=FINISH/);
  expect((await statusCall).ok()).toBe(true);
  await expect(taskRows(page).first().locator("[data-status]")).toHaveAttribute("data-status", "FINISH");

  // Typing is debounced into one request and replaces the history entry rather than pushing one per key.
  const fileId = (await taskRows(page).first().locator("[role=cell]").nth(4).innerText()).trim();
  const fileCall = page.waitForResponse((r) => isTaskListResponse(r) && new URL(r.url()).searchParams.get("fileId") === fileId);
  await page.keyboard.press("/");
  await expect(page.getByLabel("File ID")).toBeFocused();
  await page.keyboard.type(fileId, { delay: 20 });
  await fileCall;
  await expect(page).toHaveURL(new RegExp(`fileId=${fileId}`));
  await expect(taskRows(page).first()).toContainText(fileId);

  await page.getByLabel("Created", { exact: true }).selectOption("now-72h");
  await expect(page).toHaveURL(/createdAfter=now-72h/);
  await page.getByLabel("Sort").selectOption("createTime:asc");
  await expect(page).toHaveURL(/sort=createTime(:|%3A)asc/);

  await page.reload();
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
  await openDashboard(page, "?refresh=off");
  const fileButton = taskRows(page).first().locator("[role=cell]").nth(4).getByRole("button");
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
  await page.getByRole("button", { name: /^Processing/ }).click();
  await expect(page).toHaveURL(/status=PROCESSING/);
  expect(errors).toEqual([]);
});

test("tz changes the displayed times", async ({ page }) => {
  await openDashboard(page, "?refresh=off&tz=UTC");
  const created = taskRows(page).first().locator("[role=cell]").nth(5).locator("time");
  const iso = await created.getAttribute("datetime");
  expect(iso).toBeTruthy();
  const expected = (zone: string) => {
    const parts = Object.fromEntries(new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" })
      .formatToParts(Date.parse(iso!)).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
  };
  await expect(created).toHaveText(expected("UTC"));
  await page.getByLabel("Time zone").selectOption("Asia/Shanghai");
  await expect(page).toHaveURL(/tz=Asia(\/|%2F)Shanghai/);
  const sameRow = page.locator(`[role=row][data-task-id="${await taskRows(page).first().getAttribute("data-task-id")}"] time`).first();
  await expect(sameRow).toHaveText(expected("Asia/Shanghai"));
});
