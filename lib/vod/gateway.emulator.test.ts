import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { runAs, SYSTEM } from "./caller";
import { readServerEnv } from "@/lib/config/server-env";
import { setLogSink } from "@/lib/log";
import { startEmulatorUpstream, type EmulatorUpstream } from "@/lib/testing/emulator-upstream";
import { createGateway } from "./gateway";
import { createRequestBudget } from "./request-budget";
import { createSdkSender } from "./sdk-sender";

// The official SDK, signing for real, against the emulator over HTTP.
let upstream: EmulatorUpstream;
let logs: string[] = [];
let restoreLog: () => void;

beforeAll(async () => {
  restoreLog = setLogSink((line) => logs.push(line));
  upstream = await startEmulatorUpstream({ tasksPerHour: 600 }, {
    attemptTimeoutMs: 400,
    deadlineMs: 3_000,
    retryPolicy: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 50 },
  });
});

afterEach(async () => {
  await upstream.setFaults({});
  logs = [];
});

afterAll(async () => {
  await upstream.emulator.close();
  restoreLog();
});

const calls = async () => (await upstream.upstreamCalls()).requests.DescribeTasks ?? 0;

describe("gateway → official SDK → emulator", () => {
  it("reads a page of normalisable tasks", async () => {
    const page = await upstream.gateway.describeTasks({ Limit: 5 }, { maxAgeMs: 0 });
    expect(page.TaskSet).toHaveLength(5);
    expect(page.ScrollToken).not.toBe("");
    expect(page.RequestId).toMatch(/\w{8}-/);
  });

  it("spends one upstream call on 100 concurrent identical requests", async () => {
    const before = await calls();
    await Promise.all(Array.from({ length: 100 }, () => upstream.gateway.describeTasks({ Limit: 7, Status: "FINISH" })));
    expect((await calls()) - before).toBe(1);
  });

  it("retries an InternalError and answers 502 when it persists", async () => {
    await upstream.setFaults({ errorRate: 1, errorCode: "InternalError" });
    const before = await calls();
    await expect(upstream.gateway.describeTasks({ Limit: 2 }, { maxAgeMs: 0 })).rejects.toMatchObject({ code: "UpstreamUnavailable", status: 502 });
    expect((await calls()) - before).toBe(3);
  });

  it("answers 429 with Retry-After when upstream keeps saying RequestLimitExceeded", async () => {
    await upstream.setFaults({ errorRate: 1, errorCode: "RequestLimitExceeded" });
    await expect(upstream.gateway.describeTasks({ Limit: 3 }, { maxAgeMs: 0 })).rejects.toMatchObject({ code: "RateLimited", status: 429 });
  });

  it("answers 502 for a malformed answer, without retrying it", async () => {
    await upstream.setFaults({ malformedRate: 1 });
    await expect(upstream.gateway.describeTasks({ Limit: 4 }, { maxAgeMs: 0 })).rejects.toMatchObject({ code: "UpstreamBadResponse", status: 502 });
  });

  it("answers 502 when the upstream drops every connection", async () => {
    await upstream.setFaults({ outage: true });
    await expect(upstream.gateway.describeTasks({ Limit: 5 }, { maxAgeMs: 0 })).rejects.toMatchObject({ code: "UpstreamUnavailable" });
  });

  it("answers 504 when the upstream is slower than the attempt timeout", async () => {
    await upstream.setFaults({ latencyMs: 2_000 });
    const started = Date.now();
    await expect(upstream.gateway.describeTasks({ Limit: 6 }, { maxAgeMs: 0 })).rejects.toMatchObject({ code: "UpstreamTimeout", status: 504 });
    expect(Date.now() - started).toBeLessThan(3_500);
  });

  it("answers 502 UpstreamAuthFailure for a wrong key, and never logs the key", async () => {
    const env = readServerEnv({ TENCENTCLOUD_SECRET_ID: "AKIDemulator", TENCENTCLOUD_SECRET_KEY: "not-the-secret-xyz", VOD_ENDPOINT: upstream.emulator.url });
    const gateway = createGateway({ send: createSdkSender(env), budget: createRequestBudget(10) });
    await expect(gateway.describeTasks({ Limit: 1 })).rejects.toMatchObject({ code: "UpstreamAuthFailure", upstreamCode: "AuthFailure.SignatureFailure" });
    const wrongId = createGateway({ send: createSdkSender({ ...env, credential: { secretId: "AKIDnobody", secretKey: "emulator-secret" } }), budget: createRequestBudget(10) });
    await expect(wrongId.describeTasks({ Limit: 1 })).rejects.toMatchObject({ upstreamCode: "AuthFailure.SecretIdNotFound" });
    expect(logs.join("\n")).not.toContain("not-the-secret-xyz");
    expect(logs.join("\n")).not.toContain("emulator-secret");
  });

  it("reaches a local endpoint directly even when http_proxy is set", async () => {
    const saved = process.env.http_proxy;
    process.env.http_proxy = "http://127.0.0.1:9";
    try {
      const env = readServerEnv({ VOD_ENDPOINT: upstream.emulator.url });
      const gateway = createGateway({ send: createSdkSender(env), budget: createRequestBudget(10) });
      await expect(gateway.describeTasks({ Limit: 1 })).resolves.toMatchObject({ TaskSet: expect.any(Array) });
    } finally {
      if (saved === undefined) delete process.env.http_proxy;
      else process.env.http_proxy = saved;
    }
  });

  it("stays under upstream's 100 requests per second when asked for more", async () => {
    const env = readServerEnv({ VOD_ENDPOINT: upstream.emulator.url });
    const gateway = createGateway({ send: createSdkSender(env), budget: createRequestBudget(95) });
    await fetch(`${upstream.emulator.url}/__emulator/reset`, { method: "POST", body: "{}", headers: { "content-type": "application/json" } });
    // As the system: a single client may only have a few requests waiting at once.
    const results = await runAs(SYSTEM, () => Promise.allSettled(Array.from({ length: 250 }, (_, i) => gateway.describeTasks({ Limit: 1, CreateTime: { After: new Date(Date.now() - 3_600_000 - i * 1000).toISOString().replace(/\.\d+Z$/, "Z") } }, { maxAgeMs: 0 }))));
    expect(results.filter((result) => result.status === "rejected").map((result) => (result as PromiseRejectedResult).reason?.message)).toEqual([]);
    const stats = await upstream.upstreamCalls();
    expect(stats.requests.DescribeTasks).toBe(250);
    expect(stats.errors.RequestLimitExceeded ?? 0).toBe(0);
  }, 20_000);
});
