import { expect, test } from "@playwright/test";
import { startEmulator } from "../lib/emulator/server";
import { taskRows } from "./support/dashboard";
import { startServerProcess } from "./support/server-process";

// basic sign-in in Chromium: the browser's own prompt (answered here by the context's credentials),
// the identity in the header, sign-out (a POST from the page), and a wrong password refused.

// alice's password is alice-pass (a cost-4 hash, htpasswd's $2y$ form, to keep the test quick).
const USERS = "alice:$2y$04$stntrrB7YT5Ba8O0b/L6weJJOXtr4RCztT1oPCQwZFLOEf9uE8aV.";

test("basic: the right password shows the dashboard and who is signed in, signs out with a POST; a wrong one is refused", async ({ browser }) => {
  test.setTimeout(180_000);
  const emulator = await startEmulator({ port: 0, seed: 42 });
  const server = await startServerProcess({
    NODE_ENV: "production",
    VOD_EMULATOR_PORT: String(new URL(emulator.url).port),
    DASHBOARD_AUTH: "basic",
    DASHBOARD_USERS: USERS,
  });
  try {
    const signedIn = await browser.newContext({ httpCredentials: { username: "alice", password: "alice-pass" } });
    const page = await signedIn.newPage();
    await page.goto(`${server.url}/`);
    await expect(page.getByTestId("signed-in-as")).toContainText("alice");
    await expect(taskRows(page).first()).toBeVisible();
    // Sign-out is a button that POSTs from the page; the server's 401 makes the browser forget the password.
    await expect(page.getByRole("link", { name: "Sign out" })).toHaveCount(0);
    const [signOut] = await Promise.all([
      page.waitForResponse((response) => response.url() === `${server.url}/auth/sign-out` && response.request().method() === "POST"),
      page.getByRole("button", { name: "Sign out" }).click(),
    ]);
    expect(signOut.status()).toBe(401);
    expect(signOut.headers()["www-authenticate"]).toContain("Basic");
    // Another site's POST is refused before it could do so.
    const forged = await signedIn.request.post(`${server.url}/auth/sign-out`, { headers: { origin: "https://evil.example" } });
    expect(forged.status()).toBe(403);
    expect(forged.headers()["www-authenticate"]).toBeUndefined();
    await signedIn.close();

    const wrong = await browser.newContext({ httpCredentials: { username: "alice", password: "not-it" } });
    const refused = await (await wrong.newPage()).goto(`${server.url}/`);
    expect(refused?.status()).toBe(401);
    await wrong.close();

    const none = await browser.newContext();
    const api = await none.request.get(`${server.url}/api/stats`);
    expect(api.status()).toBe(401);
    expect(api.headers()["www-authenticate"]).toContain("Basic");
    expect((await api.json()).error.code).toBe("Unauthenticated");
    await none.close();
  } finally {
    await server.stop();
    await emulator.close();
  }
  const log = server.lines.join("\n");
  // The page's server render ran as alice too (its first rows came with the HTML).
  expect(log).not.toContain("first page not rendered on the server");
  for (const secret of ["alice-pass", "not-it", USERS.slice(6)]) expect(log).not.toContain(secret);
});
