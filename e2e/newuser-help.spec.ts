import { expectNoSeriousA11yViolations } from "./support/axe";
import { openDashboard, taskRows } from "./support/dashboard";
import { expect, test } from "./support/test";

test("? opens the keyboard shortcuts in an accessible dialog that Esc closes", async ({ page }) => {
  await openDashboard(page, "?refresh=off");
  const before = page.url();
  await page.keyboard.press("?");
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("row", { name: /Go to a TaskId/ })).toBeVisible();
  await expect(dialog.getByRole("row", { name: /Pause or resume polling/ })).toBeVisible();
  // The page behind is inert while it is open: j does not move the highlight.
  await page.keyboard.press("j");
  await expect(page.locator("[role=row][aria-current=true]")).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, "shortcuts dialog");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  expect(page.url()).toBe(before);

  // The header's button opens it too, and the focus comes back to it.
  const button = page.getByRole("button", { name: "Keyboard shortcuts" });
  await button.click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test("an empty view says why, filter by filter, and widens one step at a time", async ({ page }) => {
  await page.goto("/?refresh=off&fileId=e2e-no-such-file&createdAfter=now-15m");
  const empty = page.getByTestId("empty-state");
  await expect(empty).toContainText("No tasks match this view");
  const reasons = page.getByTestId("empty-reasons");
  await expect(reasons.getByRole("listitem")).toHaveText([/of file e2e-no-such-file\s*Any file/, /created in the last 15 min\s*Last hour/]);
  await expectNoSeriousA11yViolations(page, "empty view");
  await reasons.getByRole("button", { name: "Last hour" }).click();
  await expect(page).toHaveURL(/createdAfter=now-1h/);
  await expect(reasons.getByRole("listitem").nth(1)).toContainText("created in the last hour");
  await reasons.getByRole("button", { name: "Any file" }).click();
  await expect(page).not.toHaveURL(/fileId=/);
  await expect(taskRows(page).first()).toBeVisible();
});
