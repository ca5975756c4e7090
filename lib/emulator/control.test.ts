// Control plane, faults and rate limit, over HTTP.
import http from "node:http";
import * as tencentcloud from "tencentcloud-sdk-nodejs-vod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isLoopback } from "./control";
import { type RunningEmulator, startEmulator } from "./server";

const VodClient = tencentcloud.vod.v20180717.Client;
let now = Date.UTC(2026, 10, 28, 14, 0, 0);
let emu: RunningEmulator;
let client: InstanceType<typeof VodClient>;

const control = async (path: string, body?: unknown) => {
  const r = await fetch(emu.url + "/__emulator/" + path, body === undefined ? {} : { method: "POST", body: typeof body === "string" ? body : JSON.stringify(body), headers: { "content-type": "application/json" } });
  return { status: r.status, json: (await r.json()) as Record<string, unknown> };
};
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "ok",
    (e: { code?: string }) => e.code ?? "plain error",
  );

beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: 2, tasksPerHour: 120, subApps: [1500000001], now: () => now });
  client = new VodClient({
    credential: { secretId: "AKIDemulator", secretKey: "emulator-secret" },
    region: "",
    profile: { httpProfile: { endpoint: "127.0.0.1:" + emu.port, protocol: "http://", reqTimeout: 3, agent: new http.Agent({ keepAlive: true }) } },
  });
});
afterAll(() => emu.close());
beforeEach(async () => {
  await control("faults", {});
  await control("reset", {});
  await new Promise((r) => setTimeout(r, 1000));
});

describe("control endpoints", () => {
  it("counts requests per action and errors per code; reset zeroes them", async () => {
    await client.DescribeTasks({});
    await client.DescribeTasks({});
    await codeOf(client.DescribeTaskDetail({ TaskId: "nope" }));
    await codeOf(client.DescribeTasks({ Status: "X" }));
    expect((await control("stats")).json).toEqual({
      requests: { DescribeTasks: 3, DescribeTaskDetail: 1, DescribeMediaInfos: 0 },
      errors: { "InvalidParameterValue.TaskId": 1, "InvalidParameterValue.Status": 1 },
      peakPerSecond: expect.any(Number),
    });
    const reset = await control("reset", { seed: 9, tasksPerHour: 60 });
    expect(reset.status).toBe(200);
    expect(reset.json).toMatchObject({ seed: 9, tasksPerHour: 60 });
    expect((await control("stats")).json).toEqual({ requests: { DescribeTasks: 0, DescribeTaskDetail: 0, DescribeMediaInfos: 0 }, errors: {}, peakPerSecond: 0 });
  });

  it("rejects bad control input with a 400 JSON error", async () => {
    expect((await control("faults", "{not json")).status).toBe(400);
    expect((await control("faults", { errorRate: 2 })).status).toBe(400);
    expect((await control("faults", { bogus: true })).status).toBe(400);
    expect((await control("reset", { seed: "x" })).status).toBe(400);
    expect((await control("nothing")).status).toBe(404);
  });

  it("refuses what a web page could send: a non-JSON body, or any request from a foreign Origin", async () => {
    const post = (headers: Record<string, string>) => fetch(`${emu.url}/__emulator/faults`, { method: "POST", body: JSON.stringify({ outage: true }), headers });
    expect((await post({ "content-type": "text/plain" })).status).toBe(415);
    expect((await post({ "content-type": "application/json", origin: "https://evil.example" })).status).toBe(403);
    expect((await post({ "content-type": "application/json", origin: "null" })).status).toBe(403);
    expect((await control("faults")).json).toMatchObject({ outage: false });
    expect((await post({ "content-type": "application/json", origin: "http://localhost:3000" })).status).toBe(200);
    expect((await control("faults", {})).status).toBe(200);
  });

  it("knows loopback addresses", () => {
    for (const a of ["127.0.0.1", "127.8.0.3", "::1", "::ffff:127.0.0.1"]) expect(isLoopback(a)).toBe(true);
    for (const a of ["10.0.0.1", "::ffff:192.168.1.2", "fe80::1", "", undefined]) expect(isLoopback(a)).toBe(false);
  });

  it("limits each action and SecretId to 100 requests a second", async () => {
    const codes = await Promise.all(Array.from({ length: 110 }, () => codeOf(client.DescribeTasks({ Limit: 1 }))));
    expect(codes.filter((c) => c === "ok").length).toBe(100);
    expect(codes.filter((c) => c === "RequestLimitExceeded").length).toBe(10);
    // Another action has its own window.
    expect(await codeOf(client.DescribeTaskDetail({ TaskId: "x" }))).toBe("InvalidParameterValue.TaskId");
    expect((await control("stats")).json).toMatchObject({ errors: { RequestLimitExceeded: 10 } });
  });
});

describe("faults", () => {
  it("adds latency", async () => {
    await control("faults", { latencyMs: 300 });
    const t = performance.now();
    await client.DescribeTasks({});
    expect(performance.now() - t).toBeGreaterThanOrEqual(290);
    expect((await control("faults")).json).toMatchObject({ latencyMs: 300, errorRate: 0 });
  });

  it("injects errors with the chosen code, counted in stats", async () => {
    await control("faults", { errorRate: 1, errorCode: "FailedOperation.InvalidVodUser" });
    expect(await codeOf(client.DescribeTasks({}))).toBe("FailedOperation.InvalidVodUser");
    await control("faults", { errorRate: 1 });
    expect(await codeOf(client.DescribeTasks({}))).toBe("InternalError");
    expect((await control("stats")).json).toMatchObject({ errors: { "FailedOperation.InvalidVodUser": 1, InternalError: 1 } });
    await control("faults", {});
    expect(await codeOf(client.DescribeTasks({}))).toBe("ok");
  });

  it("answers malformed bodies with HTTP 200", async () => {
    await control("faults", { malformedRate: 1 });
    for (let k = 0; k < 5; k++) expect(await codeOf(client.DescribeTasks({}))).toBe("plain error");
  });

  it("drops API connections in an outage while the control plane answers", async () => {
    await control("faults", { outage: true });
    const error = await client.DescribeTasks({}).then(
      () => null,
      (e: Error & { code?: string; httpCode?: number }) => e,
    );
    expect(error).not.toBeNull();
    expect(error!.httpCode).toBeUndefined();
    expect((await control("stats")).status).toBe(200);
    await control("faults", {});
    expect(await codeOf(client.DescribeTasks({}))).toBe("ok");
  });

  it("stalls processing: the backlog grows as time moves on, then drains", async () => {
    const waiting = async () => (await client.DescribeTasks({ Status: "WAITING", Limit: 100 })).TaskSet!.length;
    const processing = async () => (await client.DescribeTasks({ Status: "PROCESSING", Limit: 100 })).TaskSet!.length;
    const before = await waiting();
    await control("faults", { stallProcessing: true });
    const running = await processing();
    now += 20 * 60_000;
    expect(await waiting()).toBeGreaterThan(before + 10);
    // Nothing finishes during a stall, so everything that was running still is.
    expect(await processing()).toBeGreaterThanOrEqual(running);
    await control("faults", {});
    now += 60 * 60_000;
    expect(await waiting()).toBeLessThanOrEqual(before + 5);
  });

  it("fails a share of the tasks that finish while taskFailureRate is set, with the injected code, and only those", async () => {
    const finishedIds = async (after: number) => (await client.DescribeTasks({ Status: "FINISH", Limit: 100, FinishTime: { After: new Date(after).toISOString().slice(0, 19) + "Z" } })).TaskSet!.map((task) => task.TaskId!);
    const codeOfTask = async (taskId: string) => {
      const detail = await client.DescribeTaskDetail({ TaskId: taskId });
      const own = Object.values(detail).find((value) => value && typeof value === "object" && "ErrCodeExt" in value) as { ErrCodeExt?: string; Message?: string } | undefined;
      return own ? { type: detail.TaskType, code: own.ErrCodeExt, message: own.Message } : null;
    };
    const before = await finishedIds(now - 3_600_000);
    const earlier = await Promise.all(before.slice(0, 20).map(codeOfTask));
    const faultAt = Math.ceil(now / 1_000) * 1_000 + 1_000;
    expect((await control("faults", { taskFailureRate: 1, taskErrorCode: "E2EInjected" })).status).toBe(200);
    now += 30 * 60_000;
    const fresh = await finishedIds(faultAt);
    expect(fresh.length).toBeGreaterThan(5);
    // Procedure tasks carry their failure in a step; every other type in its own object.
    const plain = (await Promise.all(fresh.slice(0, 40).map(codeOfTask))).filter((task) => task !== null && task.type !== "Procedure");
    expect(plain.length).toBeGreaterThan(0);
    for (const task of plain) expect(task).toMatchObject({ code: "E2EInjected", message: "Injected task failure: E2EInjected." });
    // Tasks that had finished before keep the outcome they had.
    expect(earlier.some((task) => task?.code === "")).toBe(true);
    expect(await Promise.all(before.slice(0, 20).map(codeOfTask))).toEqual(earlier);
    await control("faults", {});
  });
});
