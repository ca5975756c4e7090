import { expect, test } from "./support/test";
import { isTaskListResponse, openDashboard, taskRows } from "./support/dashboard";
import { clearFaults, setFaults } from "./support/emulator";

test.afterEach(async ({ request }) => {
  await clearFaults(request);
});

test("with the upstream failing, the page says so within 5 s of navigation: failing, since when, retrying, in red", async ({ page, request }) => {
  test.setTimeout(90_000);
  // A server that has been up a while, as at 3 a.m.: the page's first load on a worker's fresh server
  // (its scripts read from disk for the first time, while the other workers' servers start) is not the figure.
  // (Another view than the one measured, so that no answer kept from it can stand in for the failure.)
  await openDashboard(page, "?refresh=off&status=FINISH");
  await setFaults(request, { errorRate: 1 });
  const listAnswers: number[] = [];
  page.on("response", (response) => {
    if (isTaskListResponse(response)) listAnswers.push(response.status());
  });
  const started = Date.now();
  await page.goto("/?refresh=5s&tz=UTC");
  const status = page.getByTestId("updated-at");
  await expect(status).toHaveAttribute("data-state", "failing", { timeout: 5_000 - (Date.now() - started) });
  await expect(page.getByText("The tasks could not be loaded")).toBeVisible({ timeout: Math.max(1, 5_000 - (Date.now() - started)) });
  expect(Date.now() - started).toBeLessThan(5_000);

  await expect(status).toContainText(/Failing since \d{2}:\d{2}:\d{2} · retrying/);
  await expect(status).not.toContainText("Loading");
  // The dot is red, never green, and the words are red too.
  const dot = status.locator("span[aria-hidden=true]");
  await expect(dot).toHaveClass(/bg-rose-500/);
  await expect(dot).not.toHaveClass(/bg-emerald/);
  // The server's render reported the failure (or the browser asked once): nothing the server already retried is asked again at once.
  expect(listAnswers.length).toBeLessThanOrEqual(1);
  expect(listAnswers.every((status) => status >= 500)).toBe(true);
  // "Since" stays the first failure while the list retries at the refresh pace.
  const since = (await status.textContent())?.match(/\d{2}:\d{2}:\d{2}/)?.[0];
  await expect.poll(() => listAnswers.length, { timeout: 35_000 }).toBeGreaterThanOrEqual(2);
  await expect(status).toContainText(`Failing since ${since}`);

  // Once the upstream answers again the list loads by itself and the indicator turns back.
  await clearFaults(request);
  await expect(taskRows(page).first()).toBeVisible({ timeout: 30_000 });
  await expect(status).toHaveAttribute("data-state", "ok");
  await expect(status).toContainText("Updated");
  await expect(status.locator("span[aria-hidden=true]")).toHaveClass(/bg-emerald-500/);
});
