// Contract tests: the official SDK, over HTTP, against the emulator.
import http from "node:http";
import * as tencentcloud from "tencentcloud-sdk-nodejs-vod";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TaskSimpleInfo } from "../vod/wire";
import { type RunningEmulator, startEmulator } from "./server";
import { signTc3 } from "./signature";

const VodClient = tencentcloud.vod.v20180717.Client;
type Client = InstanceType<typeof VodClient>;
const T0 = Date.UTC(2026, 10, 28, 14, 0, 0);
let emu: RunningEmulator;
let client: Client;

function clientFor(port: number, secretId = "AKIDemulator", secretKey = "emulator-secret"): Client {
  return new VodClient({
    credential: { secretId, secretKey },
    region: "",
    profile: { httpProfile: { endpoint: "127.0.0.1:" + port, protocol: "http://", reqTimeout: 10, agent: new http.Agent({ keepAlive: true }) } },
  });
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return "ok";
  } catch (e) {
    const err = e as { code?: string; requestId?: string };
    expect(err.requestId).toMatch(/^[0-9a-f-]{36}$/);
    return err.code ?? "no code";
  }
}

/** Paging a whole listing takes more than 100 requests: back off as a real client would. */
async function withBackoff<T>(call: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await call();
    } catch (e) {
      if ((e as { code?: string }).code !== "RequestLimitExceeded") throw e;
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

async function pageAll(req: Record<string, unknown>, limit: number): Promise<TaskSimpleInfo[]> {
  const all: TaskSimpleInfo[] = [];
  let token = "";
  do {
    const r = await withBackoff(() => client.DescribeTasks({ ...req, Limit: limit, ...(token ? { ScrollToken: token } : {}) }));
    all.push(...r.TaskSet!);
    token = r.ScrollToken!;
  } while (token);
  return all;
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, seed: 12, tasksPerHour: 25, now: () => T0 });
  client = clientFor(emu.port);
});
afterAll(() => emu.close());

describe("DescribeTasks over the SDK", () => {
  // Each test starts with a fresh rate window, so single calls below need no backoff.
  beforeEach(() => new Promise((r) => setTimeout(r, 1000)));

  it("pages without duplicates or gaps, the same set at any page size", async () => {
    const req = { Sort: { Field: "CreateTime", Order: "Asc" } };
    const ref = await pageAll(req, 100);
    expect(ref.length).toBeGreaterThan(1000);
    for (const limit of [7, 33]) {
      const got = await pageAll(req, limit);
      expect(got.map((t) => t.TaskId)).toEqual(ref.map((t) => t.TaskId));
    }
    expect(new Set(ref.map((t) => t.TaskId)).size).toBe(ref.length);
  });

  it("filters and sorts", async () => {
    const finished = await pageAll({ Status: "FINISH", Sort: { Field: "FinishTime", Order: "Desc" } }, 100);
    expect(finished.length).toBeGreaterThan(100);
    expect(finished.every((t) => t.Status === "FINISH")).toBe(true);
    for (let k = 1; k < finished.length; k++) expect(finished[k - 1].FinishTime! >= finished[k].FinishTime!).toBe(true);
    const fileId = finished[0].FileId!;
    const byFile = await pageAll({ FileId: fileId }, 10);
    expect(byFile.length).toBeGreaterThan(0);
    expect(byFile.every((t) => t.FileId === fileId)).toBe(true);
    const range = await pageAll({ CreateTime: { After: "2026-11-28T12:00:00Z", Before: "2026-11-28T13:00:00Z" } }, 100);
    expect(range.length).toBeGreaterThan(5);
    expect(range.every((t) => t.CreateTime! >= "2026-11-28T12:00:00Z" && t.CreateTime! < "2026-11-28T13:00:00Z")).toBe(true);
    const waiting = await client.DescribeTasks({ Status: "PROCESSING", Limit: 100 });
    expect(waiting.TaskSet!.length).toBeGreaterThan(0);
    expect(waiting.TaskSet!.every((t) => t.Status === "PROCESSING" && t.FinishTime === "0001-01-01T00:00:00Z")).toBe(true);
  });

  it("answers the detail", async () => {
    const [task] = (await client.DescribeTasks({ Status: "FINISH", Limit: 1 })).TaskSet!;
    const detail = await client.DescribeTaskDetail({ TaskId: task.TaskId! });
    expect(detail).toMatchObject({ TaskType: task.TaskType, Status: "FINISH", CreateTime: task.CreateTime, FinishTime: task.FinishTime });
    expect(detail.RequestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("limits and validates as upstream", async () => {
    expect((await client.DescribeTasks({})).TaskSet).toHaveLength(10);
    expect((await client.DescribeTasks({ Limit: 100 })).TaskSet).toHaveLength(100);
    expect(await codeOf(client.DescribeTasks({ Limit: 101 }))).toBe("InvalidParameterValue");
    expect(await codeOf(client.DescribeTasks({ Limit: 0 }))).toBe("InvalidParameterValue");
    expect(await codeOf(client.DescribeTasks({ Status: "DONE" }))).toBe("InvalidParameterValue.Status");
    expect(await codeOf(client.DescribeTasks({ SubAppId: 42 }))).toBe("InvalidParameterValue.SubAppId");
    expect(await codeOf(client.DescribeTasks({ ScrollToken: "bogus" }))).toBe("InvalidParameterValue");
    expect(await codeOf(client.DescribeTasks({ CreateTime: { After: "yesterday" } }))).toBe("InvalidParameterValue");
    expect(await codeOf(client.DescribeTasks({ Sort: { Field: "TaskId", Order: "Asc" } }))).toBe("InvalidParameterValue");
    expect(await codeOf(client.DescribeTasks({ Limit: "5" as unknown as number }))).toBe("InvalidParameterValue");
    expect(await codeOf(client.DescribeTasks({ Colour: "red" } as never))).toBe("UnknownParameter");
    expect(await codeOf(client.DescribeTaskDetail({} as never))).toBe("MissingParameter");
    expect(await codeOf(client.DescribeTaskDetail({ TaskId: "1500000001-procedurev2-0123" }))).toBe("InvalidParameterValue.TaskId");
    expect(await codeOf(client.request("DeleteMedia", {}))).toBe("InvalidAction");
  });

  it("checks signatures", async () => {
    expect(await codeOf(clientFor(emu.port, "AKIDemulator", "wrong").DescribeTasks({}))).toBe("AuthFailure.SignatureFailure");
    expect(await codeOf(clientFor(emu.port, "AKIDnobody", "x").DescribeTasks({}))).toBe("AuthFailure.SecretIdNotFound");
    const post = (headers: Record<string, string>) =>
      fetch(emu.url + "/", { method: "POST", headers: { "Content-Type": "application/json", "X-TC-Action": "DescribeTasks", ...headers }, body: "{}" }).then(
        (r) => r.json() as Promise<{ Response: { Error: { Code: string }; RequestId: string } }>,
      );
    const timestamp = Math.floor(Date.now() / 1000) - 600;
    const old = signTc3({
      secretId: "AKIDemulator",
      secretKey: "emulator-secret",
      service: "vod",
      timestamp,
      headers: { "content-type": "application/json", host: "127.0.0.1" },
      payload: "{}",
    });
    const expired = await post({ Authorization: old.authorization, "X-TC-Timestamp": String(timestamp) });
    expect(expired.Response.Error.Code).toBe("AuthFailure.SignatureExpire");
    expect((await post({})).Response.Error.Code).toBe("AuthFailure.InvalidAuthorization");
    expect((await post({ Authorization: "Bearer x", "X-TC-Timestamp": "1" })).Response.Error.Code).toBe("AuthFailure.InvalidAuthorization");
  });
});
