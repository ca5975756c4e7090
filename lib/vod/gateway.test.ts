import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { setLogSink } from "@/lib/log";
import { answeringWithin, createGateway, type SendToUpstream } from "./gateway";
import { createRequestBudget } from "./request-budget";

const PAGE = { TaskSet: [{ TaskId: "t1", TaskType: "Procedure", Status: "FINISH" }], ScrollToken: "", RequestId: "r-1" };

function sdkError(fields: Record<string, unknown>): Error {
  return Object.assign(new Error(String(fields.message ?? "boom")), { requestId: "", traceId: "trace-1" }, fields);
}

let logs: string[];
let restoreLog: () => void;
beforeEach(() => {
  logs = [];
  restoreLog = setLogSink((line) => logs.push(line));
});
afterEach(() => restoreLog());

function gatewayWith(send: SendToUpstream, overrides: Partial<Parameters<typeof createGateway>[0]> = {}) {
  return createGateway({
    send,
    budget: createRequestBudget(100),
    retryPolicy: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 },
    ...overrides,
  });
}

describe("gateway", () => {
  it("shares one upstream call among 100 identical concurrent requests, and caches it briefly", async () => {
    let calls = 0;
    const gateway = gatewayWith(async () => {
      calls++;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return PAGE;
    });
    const answers = await Promise.all(Array.from({ length: 100 }, () => gateway.describeTasks({ Limit: 10 })));
    expect(calls).toBe(1);
    expect(answers.every((answer) => answer.TaskSet[0].TaskId === "t1")).toBe(true);
    await gateway.describeTasks({ Limit: 10 });
    expect(calls).toBe(1);
    await gateway.describeTasks({ Limit: 11 });
    expect(calls).toBe(2);
  });

  it("keeps answers within a bounded weight, and lets expired ones go on time", async () => {
    const page = { ...PAGE, TaskSet: Array.from({ length: 100 }, () => PAGE.TaskSet[0]) };
    const gateway = createGateway({ send: async () => page, budget: createRequestBudget(100_000, { reservedShare: 0, maxWaitingPerClient: 100_000 }), cacheMaxBytes: 2_000_000 });
    for (let i = 0; i < 2_000; i++) await gateway.describeTasks({ Limit: 100, CreateTime: { Before: `2026-11-28T00:${String(i % 60).padStart(2, "0")}:${i}Z` } });
    expect(gateway.kept().bytes).toBeLessThanOrEqual(2_000_000);
    expect(gateway.kept().answers).toBeLessThan(20);
    await new Promise((resolve) => setTimeout(resolve, 2_200));
    expect(gateway.kept()).toEqual({ answers: 0, bytes: 0 });
  });

  it("asks again once the cached answer is older than its time to live", async () => {
    let calls = 0;
    let t = 1_800_000_000_000;
    const gateway = gatewayWith(async () => {
      calls++;
      return PAGE;
    }, { now: () => t, cacheTtlMs: 1000, budget: createRequestBudget(100, { now: () => t }) });
    await gateway.describeTasks({});
    t += 999;
    await gateway.describeTasks({});
    t += 2;
    await gateway.describeTasks({});
    expect(calls).toBe(2);
  });

  it.each([
    ["RequestLimitExceeded", sdkError({ code: "RequestLimitExceeded", requestId: "r" })],
    ["InternalError", sdkError({ code: "InternalError", requestId: "r" })],
    ["a network error", sdkError({ message: "request to http://x failed, reason: socket hang up" })],
    ["HTTP 503", sdkError({ httpCode: 503 })],
  ])("retries %s and then succeeds", async (_name, error) => {
    let calls = 0;
    const gateway = gatewayWith(async () => {
      calls++;
      if (calls < 3) throw error;
      return PAGE;
    }, { retryPolicy: { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 2 } });
    // RequestLimitExceeded waits a whole second between attempts; allow for it.
    await expect(gateway.describeTasks({})).resolves.toMatchObject({ RequestId: "r-1" });
    expect(calls).toBe(3);
  }, 10_000);

  it.each([
    [sdkError({ code: "AuthFailure.SignatureFailure", requestId: "r9" }), "UpstreamAuthFailure", 502],
    [sdkError({ code: "AuthFailure.SignatureExpire" }), "UpstreamAuthFailure", 502],
    [sdkError({ code: "FailedOperation.InvalidVodUser" }), "UpstreamRejected", 502],
    [new SyntaxError("invalid json response body"), "UpstreamBadResponse", 502],
    [new TypeError("Cannot read properties of undefined (reading 'Error')"), "UpstreamBadResponse", 502],
  ])("does not retry %s and answers %s", async (error, code, status) => {
    let calls = 0;
    const gateway = gatewayWith(async () => {
      calls++;
      throw error;
    });
    const failure = await gateway.describeTasks({}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ code, status });
    expect(calls).toBe(1);
  });

  it("keeps the upstream RequestId of a refusal", async () => {
    const gateway = gatewayWith(async () => {
      throw sdkError({ code: "UnauthorizedOperation", requestId: "req-42" });
    });
    await expect(gateway.describeTasks({})).rejects.toMatchObject({ requestId: "req-42", upstreamCode: "UnauthorizedOperation" });
  });

  it("answers 502 for a response of the wrong shape rather than throwing", async () => {
    for (const body of [null, "hello", { TaskSet: "nope" }, { TaskSet: [{ TaskId: 5 }] }]) {
      const gateway = gatewayWith(async () => body);
      await expect(gateway.describeTasks({})).rejects.toMatchObject({ code: "UpstreamBadResponse" });
    }
  });

  it("gives up with 504 when the upstream never answers, within the deadline", async () => {
    const gateway = gatewayWith((_action, _request, signal) => new Promise((_resolve, reject) => {
      signal.addEventListener("abort", () => reject(sdkError({ message: "The user aborted a request." })));
    }), { attemptTimeoutMs: 50, deadlineMs: 400 });
    const started = Date.now();
    await expect(gateway.describeTasks({})).rejects.toMatchObject({ code: "UpstreamTimeout", status: 504 });
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("answers 429 with Retry-After when the rate limit outlasts the retries", async () => {
    const gateway = gatewayWith(async () => {
      throw sdkError({ code: "RequestLimitExceeded" });
    }, { retryPolicy: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 } });
    await expect(gateway.describeTasks({})).rejects.toMatchObject({ code: "RateLimited", status: 429, retryAfterSeconds: 1 });
  });

  it("logs one structured line per upstream call with action, duration, outcome and RequestId", async () => {
    const gateway = gatewayWith(async () => PAGE);
    await gateway.describeTasks({ Limit: 1 });
    expect(logs).toHaveLength(1);
    expect(JSON.parse(logs[0])).toMatchObject({ msg: "upstream call", action: "DescribeTasks", outcome: "ok", requestId: "r-1" });
    expect(typeof JSON.parse(logs[0]).durationMs).toBe("number");
  });

  it("does not share failures: the next request tries again", async () => {
    let calls = 0;
    const gateway = gatewayWith(async () => {
      calls++;
      if (calls === 1) throw sdkError({ code: "FailedOperation" });
      return PAGE;
    });
    await expect(gateway.describeTasks({})).rejects.toBeInstanceOf(ApiError);
    await expect(gateway.describeTasks({})).resolves.toBeTruthy();
  });

  describe("answerWithinMs: a person is told of a failing upstream early, the retries go on behind", () => {
    const slowRetries = { retryPolicy: { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 200 } };

    it("rejects within the budget once an attempt failed, while the call keeps retrying and its success is kept", async () => {
      let calls = 0;
      const gateway = gatewayWith(async () => {
        calls++;
        if (calls < 4) throw sdkError({ code: "InternalError" });
        return PAGE;
      }, slowRetries);
      const started = Date.now();
      const failure = await answeringWithin(gateway, 150).describeTasks({ Limit: 5 }).catch((e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(400);
      expect(failure).toMatchObject({ code: "UpstreamUnavailable" });
      expect((failure as Error).message).toMatch(/Still retrying/);
      // Behind the answer the server went on: the fourth attempt succeeds and the next caller reads it.
      await new Promise((resolve) => setTimeout(resolve, 900));
      expect(calls).toBe(4);
      const callsBefore = calls;
      await expect(gateway.describeTasks({ Limit: 5 })).resolves.toMatchObject({ RequestId: "r-1" });
      expect(calls).toBe(callsBefore);
    });

    it("tells a caller who joins a call failing for longer than the budget at once", async () => {
      const gateway = gatewayWith(async () => {
        throw sdkError({ code: "InternalError" });
      }, slowRetries);
      const whole = gateway.describeTasks({ Limit: 6 }).catch((e: unknown) => e);
      await new Promise((resolve) => setTimeout(resolve, 200));
      const started = Date.now();
      await expect(answeringWithin(gateway, 100).describeTasks({ Limit: 6 })).rejects.toMatchObject({ code: "UpstreamUnavailable" });
      expect(Date.now() - started).toBeLessThan(50);
      await whole;
    });

    it("after a call failed for good, tells the next person at once while a new call retries, and answers as soon as the upstream is back", async () => {
      let failing = true;
      let calls = 0;
      const gateway = gatewayWith(async () => {
        calls++;
        if (failing) throw sdkError({ code: "InternalError" });
        return PAGE;
      }, { retryPolicy: { maxAttempts: 3, baseDelayMs: 450, maxDelayMs: 450 } });
      await expect(gateway.describeTasks({ Limit: 9 })).rejects.toMatchObject({ code: "UpstreamUnavailable" });
      const callsAfterFirst = calls;
      const started = Date.now();
      await expect(answeringWithin(gateway, 1_000).describeTasks({ Limit: 9 })).rejects.toMatchObject({ code: "UpstreamUnavailable" });
      // About 250 ms (one fresh attempt); waiting out the retries would take 900 ms or more.
      expect(Date.now() - started).toBeLessThan(800);
      expect(calls).toBeGreaterThan(callsAfterFirst);
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      failing = false;
      await expect(answeringWithin(gateway, 1_000).describeTasks({ Limit: 9 })).resolves.toMatchObject({ RequestId: "r-1" });
    });

    it("waits for an upstream that is slow but not failing", async () => {
      const gateway = gatewayWith(async () => {
        await new Promise((resolve) => setTimeout(resolve, 300));
        return PAGE;
      });
      await expect(answeringWithin(gateway, 50).describeTasks({ Limit: 7 })).resolves.toMatchObject({ RequestId: "r-1" });
    });

    it("without it a caller waits for the retries to end, as the mirror's syncs do", async () => {
      let calls = 0;
      const gateway = gatewayWith(async () => {
        calls++;
        throw sdkError({ code: "InternalError" });
      }, { retryPolicy: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 50 } });
      await expect(gateway.describeTasks({ Limit: 8 })).rejects.toMatchObject({ code: "UpstreamUnavailable" });
      expect(calls).toBe(3);
    });
  });
});
