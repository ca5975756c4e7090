import type { Page } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { openDashboard } from "./support/dashboard";
import { expect, test } from "./support/test";

// The go-to box, the views panel, the shortcuts and an empty view, at every size (phone, laptop, wall).

async function expectFits(page: Page, label: string): Promise<void> {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${label}: page ${scrollWidth}px wide in a ${innerWidth}px window`).toBeLessThanOrEqual(innerWidth);
}

async function expectOnScreen(page: Page, box: { x: number; width: number } | null, label: string): Promise<void> {
  const width = page.viewportSize()!.width;
  expect(box, label).not.toBeNull();
  expect(box!.x, label).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, label).toBeLessThanOrEqual(width + 0.5);
}

test("the go-to box, the views panel, the shortcuts and an empty view fit the screen", async ({ page }) => {
  test.setTimeout(150_000);
  await openDashboard(page, "?refresh=off");
  const box = page.getByRole("searchbox", { name: "TaskId, FileId or SessionId" });
  await box.fill("no-such-id-anywhere-at-all-in-this-account");
  await box.press("Enter");
  const answer = page.getByTestId("go-to-id-answer");
  await expect(answer).toContainText("Unknown ID");
  await expectOnScreen(page, await answer.boundingBox(), "go-to answer");
  await expectFits(page, "go-to answer");

  await page.getByTestId("saved-views-toggle").click();
  const panel = page.getByRole("region", { name: "Saved views" });
  await expect(panel).toBeVisible();
  await expectOnScreen(page, await panel.boundingBox(), "views panel");
  await expectFits(page, "views panel");
  await expectNoSeriousA11yViolations(page, "views panel");
  await page.keyboard.press("Escape");

  await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
  const dialog = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  await expect(dialog).toBeVisible();
  await expectOnScreen(page, await dialog.boundingBox(), "shortcuts");
  await expectFits(page, "shortcuts");
  await page.keyboard.press("Escape");

  await page.goto("/?refresh=off&fileId=e2e-no-such-file&status=PROCESSING&type=EditMedia&createdAfter=now-15m");
  await expect(page.getByTestId("empty-reasons")).toBeVisible();
  await expectFits(page, "empty view");
});
