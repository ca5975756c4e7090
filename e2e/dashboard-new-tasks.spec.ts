import { expect, test } from "./support/test";
import type { TaskPage } from "../lib/model/task";
import { openDashboard, renderedTaskIds } from "./support/dashboard";

test("under a status filter, a task that moved into it is not counted as new, and shows in its place", async ({ page }) => {
  test.setTimeout(60_000);
  let inject = false;
  const MOVED = "1500000001-e2e-moved-in";
  await page.route((url) => url.pathname === "/api/tasks", async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as TaskPage;
    const cursor = new URL(route.request().url()).searchParams.get("cursor");
    // An older task that has just finished: created between two neighbouring rows of different seconds
    // (with a tie, the sort's second key, the TaskId, could put it first of the two).
    const at = body.tasks.findIndex((task, i) => i + 1 < body.tasks.length && Date.parse(task.createTime!) > Date.parse(body.tasks[i + 1].createTime!));
    if (!cursor && inject && at >= 0) {
      const [newer, older] = [body.tasks[at], body.tasks[at + 1]];
      const createTime = new Date((Date.parse(newer.createTime!) + Date.parse(older.createTime!)) / 2).toISOString().replace(/\.\d+Z$/, "Z");
      body.tasks.splice(at + 1, 0, { ...older, taskId: MOVED, createTime });
    }
    await route.fulfill({ response, json: body });
  });
  await openDashboard(page, "?refresh=5s&status=FINISH");
  inject = true;
  const pill = page.getByTestId("new-tasks-pill");
  // The injected task, and the emulator's own older tasks that finish meanwhile: counted apart from arrivals.
  await expect(pill).toContainText(/\d+ older tasks? now in this view/, { timeout: 20_000 });
  // Show what waits until the moved task is listed; it lands below a newer row, not above it
  // as an arrival would (newer tasks may have finished meanwhile and be listed above both).
  await expect.poll(async () => {
    if (await pill.isVisible()) await pill.click();
    return (await renderedTaskIds(page)).includes(MOVED);
  }, { timeout: 20_000 }).toBe(true);
  const ids = await renderedTaskIds(page);
  expect(ids.indexOf(MOVED)).toBeGreaterThan(0);
});

test("oldest first, the page says that new tasks join the end and are not announced, and offers newest first", async ({ page }) => {
  await openDashboard(page, "?refresh=5s&sort=createTime:asc");
  const note = page.getByTestId("ascending-note");
  await expect(note).toContainText("Oldest first: tasks created from now on join the end of the list and are not announced here.");
  await note.getByRole("button", { name: "Sort newest first" }).click();
  await expect(page).not.toHaveURL(/sort=createTime%3Aasc|sort=createTime:asc/);
  await expect(note).toBeHidden();
});
