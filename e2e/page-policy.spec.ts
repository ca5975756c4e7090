import { expect, test } from "./support/test";
import { taskRows } from "./support/dashboard";

// Every page runs under a script policy of nonces (no eval, no inline script without this request's
// nonce), and everything on it still works: Next's scripts, the theme script, the charts.

for (const path of ["/?refresh=off", "/oncall?refresh=off"]) {
  test(`${path} runs under a nonce script policy with nothing refused`, async ({ page }) => {
    const refused: string[] = [];
    page.on("console", (message) => {
      if (/Content Security Policy|Refused to (execute|load)/i.test(message.text())) refused.push(message.text());
    });
    await page.emulateMedia({ colorScheme: "dark" });
    const response = await page.goto(path);
    const policy = response!.headers()["content-security-policy"];
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    // The theme script ran (it alone sets the class), so it carried the nonce.
    await expect(page.locator("html")).toHaveClass(/dark/);
    if (path.startsWith("/?")) await expect(taskRows(page).first()).toBeVisible();
    else await expect(page.getByRole("main")).toBeVisible();
    // A fresh nonce per page: a nonce that repeats protects nothing.
    const again = await page.reload();
    expect(again!.headers()["content-security-policy"]).not.toBe(policy);
    expect(refused).toEqual([]);
  });
}
