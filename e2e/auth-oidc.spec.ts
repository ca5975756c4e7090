import { expect, test } from "@playwright/test";
import { startEmulator } from "../lib/emulator/server";
import { startOidcProvider } from "./support/oidc-provider";
import { freePort, startServerProcess } from "./support/server-process";

// Sign-in with a real OpenID Connect provider, started here, in Chromium: from a signed-out page
// to the provider's login, back to the page signed in, and out again.

test("oidc: a signed-out page goes to the provider's sign-in, returns signed in, and signs out", async ({ page, context }) => {
  test.setTimeout(180_000);
  const emulator = await startEmulator({ port: 0, seed: 42 });
  const port = await freePort();
  const dashboardUrl = `http://127.0.0.1:${port}`;
  const provider = await startOidcProvider(dashboardUrl);
  const server = await startServerProcess({
    NODE_ENV: "production",
    PORT: String(port),
    VOD_EMULATOR_PORT: String(new URL(emulator.url).port),
    DASHBOARD_AUTH: "oidc",
    DASHBOARD_URL: dashboardUrl,
    OIDC_ISSUER: provider.issuer,
    OIDC_CLIENT_ID: provider.clientId,
    OIDC_CLIENT_SECRET: provider.clientSecret,
    DASHBOARD_ACCESS: "alice@example.com=1500000001",
    DASHBOARD_SECRET: "ab".repeat(32),
  });
  try {
    // Signed out: the API says so, health says only its status, a page goes to the provider.
    expect((await page.request.get(`${dashboardUrl}/api/tasks`)).status()).toBe(401);
    expect(await (await page.request.get(`${dashboardUrl}/api/health`)).json()).toEqual({ status: expect.any(String) });
    await page.goto(`${dashboardUrl}/oncall`);
    await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
    await page.locator('input[name="login"]').fill("alice");
    await page.locator('input[name="password"]').fill("any password");
    await page.getByRole("button", { name: "Sign-in" }).click();
    await page.getByRole("button", { name: "Continue" }).click();

    // Back on the page it asked for, signed in, seeing only its app.
    await expect(page).toHaveURL(`${dashboardUrl}/oncall`);
    await expect(page.getByTestId("signed-in-as")).toContainText("alice@example.com");
    // The on-call view, rendered on the server as alice, has her one app's column and no other.
    await expect(page.getByTestId("oncall-app")).toHaveCount(1);
    await expect(page.getByTestId("oncall-app")).toHaveAttribute("data-subappid", "1500000001");
    const session = (await context.cookies(dashboardUrl)).find((cookie) => cookie.name === "vod_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
    expect(session!.value).not.toContain("alice");
    const health = await (await page.request.get(`${dashboardUrl}/api/health`)).json();
    expect(health.subAppIds).toEqual([1500000001]);
    expect((await page.request.get(`${dashboardUrl}/api/tasks?subAppId=1500000002`)).status()).toBe(403);
    expect((await page.request.get(`${dashboardUrl}/api/tasks?subAppId=1500000001`)).status()).toBe(200);
    await page.goto(`${dashboardUrl}/`);
    await expect(page.getByTestId("signed-in-as")).toContainText("alice@example.com");

    // Sign-out is a button (a POST), never a link another site could set off: a GET only asks.
    await expect(page.getByRole("link", { name: "Sign out" })).toHaveCount(0);
    const asked = await page.request.get(`${dashboardUrl}/auth/sign-out`);
    expect(asked.status()).toBe(200);
    expect((await context.cookies(dashboardUrl)).find((cookie) => cookie.name === "vod_session")).toBeDefined();
    // A POST from another site is refused and leaves the session be.
    expect((await page.request.post(`${dashboardUrl}/auth/sign-out`, { headers: { origin: "https://evil.example" }, maxRedirects: 0 })).status()).toBe(403);
    expect((await page.request.get(`${dashboardUrl}/api/tasks?subAppId=1500000001`)).status()).toBe(200);

    // Sign-out: the session cookie goes, the provider ends its own session, and the dashboard says so.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(new RegExp(`^${provider.issuer}/`));
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await expect(page).toHaveURL(`${dashboardUrl}/auth/signed-out`);
    await expect(page.getByRole("heading", { name: "Signed out" })).toBeVisible();
    expect((await context.cookies(dashboardUrl)).find((cookie) => cookie.name === "vod_session")).toBeUndefined();
    expect((await page.request.get(`${dashboardUrl}/api/tasks`)).status()).toBe(401);
    // Signed out at the provider too: the next page asks for a password again.
    await page.goto(`${dashboardUrl}/`);
    await expect(page.locator('input[name="login"]')).toBeVisible();
  } finally {
    await server.stop();
    await provider.close();
    await emulator.close();
  }
  const log = server.lines.join("\n");
  expect(log).not.toContain(provider.clientSecret);
  expect(log).not.toContain("alice@example.com");
});
