import { readFile } from "node:fs/promises";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { openDashboard, showFilters, taskRows } from "./support/dashboard";
import { expect, test } from "./support/test";

test("a saved view survives a reload, and one click on it restores the view", async ({ page }) => {
  // Four page loads and an axe sweep, on a busy two-core machine.
  test.setTimeout(150_000);
  await openDashboard(page, "?refresh=off&status=PROCESSING&tz=UTC");
  const toggle = page.getByTestId("saved-views-toggle");
  await toggle.click();
  const panel = page.getByRole("region", { name: "Saved views" });
  await expect(panel).toBeVisible();
  await panel.getByLabel("Name this view").fill("Processing in UTC");
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByRole("status")).toHaveText('Saved "Processing in UTC" in this browser.');
  await expect(panel.getByRole("link", { name: "Processing in UTC" })).toHaveAttribute("aria-current", "page");
  await expectNoSeriousA11yViolations(page, "views panel");
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(toggle).toBeFocused();

  // Another view, and a reload: the saved one is still there, beside the team's.
  await openDashboard(page, "?refresh=off");
  await page.reload();
  await expect(taskRows(page).first()).toBeVisible();
  await toggle.click();
  await expect(panel.getByRole("link", { name: "Team: waiting queue" })).toBeVisible();
  await panel.getByRole("link", { name: "Processing in UTC" }).click();
  await expect(panel).toBeHidden();
  await expect(page).toHaveURL(/status=PROCESSING/);
  await expect(page).toHaveURL(/tz=UTC/);
  await showFilters(page);
  await expect(page.getByRole("button", { name: /^Processing/ })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Time zone")).toHaveValue("UTC");
  await expect(taskRows(page).first().locator("[data-status]")).toHaveAttribute("data-status", "PROCESSING");

  // The list exports as links, the team's views included.
  await toggle.click();
  const downloading = page.waitForEvent("download");
  await panel.getByRole("button", { name: "Download list" }).click();
  const text = await readFile((await (await downloading).path())!, "utf8");
  const origin = new URL(page.url()).origin;
  expect(text).toBe(`Processing in UTC\t${origin}/?status=PROCESSING&refresh=off&tz=UTC\nTeam: waiting queue\t${origin}/?status=WAITING&refresh=off\n`);

  // A team view is one click away too; a view of one's own can be deleted.
  await panel.getByRole("link", { name: "Team: waiting queue" }).click();
  await expect(page).toHaveURL(/status=WAITING/);
  await expect(page).not.toHaveURL(/tz=/);
  await toggle.click();
  await panel.getByRole("button", { name: "Delete view Processing in UTC" }).click();
  await expect(panel.getByRole("link", { name: "Processing in UTC" })).toHaveCount(0);
});
