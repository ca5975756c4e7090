import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseAccess } from "@/lib/auth/access";
import { readAuthEnv, setAuthEnvForTests } from "@/lib/auth/auth-env";
import { resetServerAuthForTests } from "@/lib/auth/authenticate";
import { readMetricsEnv, setMetricsEnvForTests } from "@/lib/metrics/metrics-env";
import { startMetricsRig, type MetricsRig } from "@/lib/testing/metrics-rig";
import { metricsAccess } from "./metrics-endpoint";

// GET /metrics per identity: METRICS_TOKEN (the Prometheus server's) sees every app; a person
// signed in sees only the series of their apps (and those naming no app); nobody sees another
// app's label through a spoofed header or a wrong token.

const MINE = 1500000001;
const OTHERS = 1500000002;
const APPS = [MINE, OTHERS];
const TOKEN = "metrics-token-for-the-access-test";
const PROMTOOL = [process.env.PROMTOOL_PATH, "/usr/bin/promtool"].find((path): path is string => Boolean(path && existsSync(path)));
const ACCESS = `bob@example.com=${MINE};alice@example.com=*;carol@example.com=1500000009`;

let rig: MetricsRig;
const scrape = (headers?: Record<string, string>, from?: string) => rig.scrape(headers, from);

/** The sub_app_id labels of a scrape's samples. */
const appLabels = (text: string) => new Set([...text.matchAll(/^[a-z_]+\{[^\n]*\bsub_app_id="([^"]*)"/gm)].map((match) => match[1]));
const sampleNames = (text: string) => new Set([...text.matchAll(/^([a-z_]+)\{/gm)].map((match) => match[1]));

function useSettings(auth: Record<string, string>, token?: string): void {
  setAuthEnvForTests(readAuthEnv(auth));
  resetServerAuthForTests();
  setMetricsEnvForTests(readMetricsEnv(token ? { METRICS_TOKEN: token } : {}, APPS));
}

beforeAll(async () => {
  rig = await startMetricsRig(APPS);
}, 120_000);

afterEach(() => {
  setAuthEnvForTests(undefined);
  resetServerAuthForTests();
  setMetricsEnvForTests(undefined);
});

afterAll(() => rig.close());

describe("metricsAccess", () => {
  const bob = { name: "bob@example.com", via: "oidc" } as const;
  const rules = parseAccess(ACCESS);
  const base = { authorization: undefined, remoteAddress: "10.0.0.1", relayed: false, identity: null };

  it("the token sees every app, whoever else the request says it is", () => {
    expect(metricsAccess({ ...base, authorization: `Bearer ${TOKEN}`, identity: bob }, TOKEN, rules, APPS)).toBe("all");
  });

  it("a person sees their apps, from anywhere, with or without a token configured", () => {
    for (const token of [TOKEN, undefined]) expect(metricsAccess({ ...base, identity: bob, relayed: true }, token, rules, APPS)).toEqual(new Set([MINE]));
    expect(metricsAccess({ ...base, identity: { name: "Alice@Example.com", via: "basic" } }, undefined, rules, APPS)).toBe("all");
    // Without DASHBOARD_ACCESS, everyone signed in sees every app, as on every route.
    expect(metricsAccess({ ...base, identity: bob }, undefined, undefined, APPS)).toBe("all");
  });

  it("refuses a wrong token even beside a session, a person with no app, and a stranger", () => {
    expect(metricsAccess({ ...base, authorization: "Bearer not-the-token", identity: bob }, TOKEN, rules, APPS)).toMatchObject({ status: 401 });
    expect(metricsAccess({ ...base, identity: { name: "dave@example.com", via: "oidc" } }, TOKEN, parseAccess(`bob@example.com=${MINE}`), APPS)).toMatchObject({ status: 403 });
    // One given only apps this dashboard does not offer sees none of them: a 403 too, as on the API routes.
    expect(metricsAccess({ ...base, identity: { name: "carol@example.com", via: "oidc" } }, TOKEN, rules, APPS)).toMatchObject({ status: 403 });
    // With no SubAppIds configured (the account's default app), a limited identity's own apps are what it may see.
    expect(metricsAccess({ ...base, identity: { name: "carol@example.com", via: "oidc" } }, TOKEN, rules, [])).toEqual(new Set([1500000009]));
    expect(metricsAccess(base, TOKEN, rules, APPS)).toMatchObject({ status: 401 });
    expect(metricsAccess(base, undefined, rules, APPS)).toMatchObject({ status: 403 });
    expect(metricsAccess({ ...base, remoteAddress: "127.0.0.1" }, undefined, rules, APPS)).toBe("all");
    // Without a sign-in mode everyone is anonymous, who is no person here: the machine's rules.
    expect(metricsAccess({ ...base, identity: { name: "anonymous", via: "none" } }, undefined, undefined, APPS)).toMatchObject({ status: 403 });
  });
});

describe("GET /metrics, signed in behind a trusted proxy", () => {
  const PROXY = { DASHBOARD_AUTH: "proxy", DASHBOARD_TRUSTED_PROXIES: "127.0.0.1/32", DASHBOARD_ACCESS: ACCESS };
  const as = (name: string) => ({ "x-auth-request-email": name });

  it("a limited identity gets only its app's series, every one of them, and those naming no app", async () => {
    useSettings(PROXY);
    const { status, body } = await scrape(as("bob@example.com"));
    expect(status).toBe(200);
    expect(appLabels(body)).toEqual(new Set([String(MINE)]));
    expect(body).not.toContain(String(OTHERS));
    // Every series of his app the machine's own scrape has, and nothing else naming an app.
    const full = (await scrape()).body.split("\n").filter((line) => !line.includes("sub_app_id=") || line.includes(`sub_app_id="${MINE}"`)).join("\n");
    expect(sampleNames(body)).toEqual(sampleNames(full));
    expect(sampleNames(body)).toContain("vod_tasks");
    expect(sampleNames(body)).toContain("vod_upstream_requests_total");
    if (PROMTOOL) {
      const checked = spawnSync(PROMTOOL, ["check", "metrics"], { input: body, encoding: "utf8" });
      expect(checked.stderr + checked.stdout).toBe("");
      expect(checked.status).toBe(0);
    }
  });

  it("an identity of every app gets every app", async () => {
    useSettings(PROXY);
    const { status, body } = await scrape(as("alice@example.com"));
    expect(status).toBe(200);
    expect(appLabels(body)).toEqual(new Set(APPS.map(String)));
  });

  it("an identity of no configured app is a 403, as on the API routes", async () => {
    useSettings(PROXY);
    const carol = await scrape(as("carol@example.com"));
    expect(carol.status).toBe(403);
    expect(carol.body).not.toContain("sub_app_id");
    const dave = await scrape(as("dave@example.com"));
    expect(dave.status).toBe(403);
    expect(JSON.parse(dave.body).error.code).toBe("Forbidden");
  });

  it("the header from an untrusted address is no identity: refused, never another app's labels", async () => {
    useSettings(PROXY);
    const spoofed = await scrape(as("alice@example.com"), "127.0.0.7");
    expect(spoofed.status).toBe(403);
    expect(spoofed.body).not.toContain("sub_app_id");
  });

  it("with METRICS_TOKEN: its bearer sees every app, bob still only his, a wrong bearer nothing", async () => {
    useSettings(PROXY, TOKEN);
    expect(appLabels((await scrape({ authorization: `Bearer ${TOKEN}` }, "127.0.0.8")).body)).toEqual(new Set(APPS.map(String)));
    expect(appLabels((await scrape({ authorization: `Bearer ${TOKEN}`, ...as("bob@example.com") })).body)).toEqual(new Set(APPS.map(String)));
    const bob = await scrape(as("bob@example.com"));
    expect(bob.status).toBe(200);
    expect(appLabels(bob.body)).toEqual(new Set([String(MINE)]));
    const wrong = await scrape({ authorization: "Bearer not-the-token-at-all", ...as("bob@example.com") });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain("sub_app_id");
    expect((await scrape()).status).toBe(401);
  });

  it("without a token, loopback's own scraper (no identity, not relayed) still sees every app", async () => {
    useSettings(PROXY);
    expect(appLabels((await scrape()).body)).toEqual(new Set(APPS.map(String)));
  });
});

describe("GET /metrics, signed in with a password", () => {
  const HASH = "$2b$04$stntrrB7YT5Ba8O0b/L6weJJOXtr4RCztT1oPCQwZFLOEf9uE8aV.";
  const basic = (name: string, password: string) => `Basic ${Buffer.from(`${name}:${password}`).toString("base64")}`;

  it("a limited user sees only their app, even from loopback; a wrong password is no one", async () => {
    useSettings({ DASHBOARD_AUTH: "basic", DASHBOARD_USERS: `bob:${HASH}`, DASHBOARD_ACCESS: `bob=${MINE}` }, TOKEN);
    const bob = await scrape({ authorization: basic("bob", "alice-pass") });
    expect(bob.status).toBe(200);
    expect(appLabels(bob.body)).toEqual(new Set([String(MINE)]));
    const wrong = await scrape({ authorization: basic("bob", "wrong") }, "127.0.0.9");
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toContain("sub_app_id");
  });
});
