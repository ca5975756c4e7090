import { openDashboard, showFilters, taskRows } from "./support/dashboard";
import { expect, test } from "./support/test";

test("a file's name shows over its ID in the table and in the detail, and a name prefix narrows the loaded rows", async ({ page }) => {
  // The names wait for the mirror's first fill of a fresh server (see below): on a busy machine that takes a while.
  test.setTimeout(150_000);
  await openDashboard(page, "?refresh=off");
  const firstRow = taskRows(page).first();
  const taskId = (await firstRow.getAttribute("data-task-id"))!;
  // The names come after the rows, from the budget nobody else wants: the first fill of the mirror goes first.
  const name = firstRow.getByTestId("file-name");
  await expect(name).toBeVisible({ timeout: 100_000 });
  const fileName = (await name.innerText()).trim();
  expect(fileName).toMatch(/^[A-Za-z0-9-]+\.\w+$/);
  await expect(name).toHaveAttribute("title", fileName);

  // The detail names the file too, beside its ID.
  await firstRow.getByRole("button", { name: `Open task ${taskId}` }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("detail-file-name")).toHaveText(fileName);
  expect((await dialog.getByTitle("Show only this file's tasks").innerText()).trim()).toMatch(/^5285\d{15}$/);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // A prefix in another case keeps the loaded rows whose known name starts with it, and says it looks within the loaded window.
  const prefix = fileName.slice(0, 4).toUpperCase();
  await showFilters(page);
  const box = page.getByLabel("File name");
  await box.fill(prefix);
  await box.press("Enter");
  await expect(page).toHaveURL(new RegExp(`fileName=${prefix}`));
  await expect(page.getByTestId("file-name-note")).toContainText("within the loaded window");
  await expect(page.locator(`[role=row][data-task-id="${taskId}"]`)).toBeVisible();
  await expect(async () => {
    const shown = await taskRows(page).evaluateAll((rows) => rows.map((row) => row.querySelector("[data-testid=file-name]")?.textContent ?? ""));
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.every((shownName) => shownName.toLowerCase().startsWith(prefix.toLowerCase()))).toBe(true);
  }).toPass();

  // A prefix no loaded file has leaves no row; dropping it brings the rows back.
  await box.fill("zzz-no-such-file");
  await box.press("Enter");
  await expect(taskRows(page)).toHaveCount(0);
  await page.getByTestId("file-name-note").getByRole("button", { name: "Any file name" }).click();
  await expect(page).not.toHaveURL(/fileName=/);
  await expect(taskRows(page).first()).toBeVisible();
});

test("a bad name prefix is a 400 naming fileName, and the page reads it as absent", async ({ page, request }) => {
  const answer = await request.get(`/api/tasks?fileName=${"x".repeat(129)}`);
  expect(answer.status()).toBe(400);
  expect((await answer.json()).error.message).toMatch(/^fileName: /);
  await openDashboard(page, `?refresh=off&fileName=${"x".repeat(129)}`);
  await expect(page.getByTestId("url-notice").locator("[data-param=fileName]")).toContainText("the start of a file name");
  await expect(page.getByTestId("file-name-note")).toBeHidden();
});
