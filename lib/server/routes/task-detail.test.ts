import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { fakeGateway } from "@/lib/testing/fake-gateway";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET } from "./task-detail";

async function get(taskId: string, query = "") {
  const response = await GET(new Request(`http://dashboard.test/api/tasks/${encodeURIComponent(taskId)}${query}`), { taskId });
  return { status: response.status, body: await response.json() };
}

afterEach(() => setUpstreamForTests(undefined));

describe("GET /api/tasks/{taskId}", () => {
  it("answers the normalised detail, asking upstream for that task in the default SubAppId", async () => {
    const asked: unknown[] = [];
    setUpstreamForTests(fakeGateway([], async (request) => {
      asked.push(request);
      return { TaskType: "EditMedia", Status: "FINISH", CreateTime: "2026-11-28T10:00:00Z", BeginProcessTime: "2026-11-28T10:00:01Z",
        FinishTime: "2026-11-28T10:00:09Z", EditMediaTask: { ErrCode: 0, ErrCodeExt: "", Message: "", Progress: 100 } };
    }).gateway);
    const { status, body } = await get("1500000001-EditMedia-abc");
    expect(status).toBe(200);
    expect(asked).toEqual([{ TaskId: "1500000001-EditMedia-abc", SubAppId: 1500000001 }]);
    expect(body).toMatchObject({ taskId: "1500000001-EditMedia-abc", taskType: "EditMedia", status: "FINISH", outcome: "success", progress: 100 });
  });

  it("answers 404 for a task upstream does not know", async () => {
    setUpstreamForTests(fakeGateway([], async () => {
      throw new ApiError("UpstreamRejected", "refused", { upstreamCode: "InvalidParameterValue.TaskId", requestId: "r1" });
    }).gateway);
    const { status, body } = await get("nope");
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: "TaskNotFound", message: "taskId: no task nope in the last 72 hours", requestId: "r1" });
  });

  it("remembers a task upstream did not know, so asking again costs no upstream call", async () => {
    let asked = 0;
    setUpstreamForTests(fakeGateway([], async () => {
      asked++;
      throw new ApiError("UpstreamRejected", "refused", { upstreamCode: "InvalidParameterValue.TaskId", requestId: "r1" });
    }).gateway);
    for (let i = 0; i < 5; i++) expect((await get("made-up-1")).status).toBe(404);
    expect(asked).toBe(1);
    expect((await get("made-up-1", "?subAppId=1500000002")).status).toBe(404);
    expect(asked).toBe(2);
  });

  it.each([
    ["bad id", "", "taskId"],
    ["x".repeat(129), "", "taskId"],
    ["a/b", "", "taskId"],
    ["ok", "?subAppId=7", "subAppId"],
    ["ok", "?subAppId=x", "subAppId"],
  ])("answers 400 for %s %s naming %s", async (taskId, query, param) => {
    setUpstreamForTests(fakeGateway([]).gateway);
    const { status, body } = await get(taskId, query);
    expect(status).toBe(400);
    expect(body.error.message.startsWith(`${param}:`)).toBe(true);
  });

  it("answers an upstream failure in the one error shape with its status", async () => {
    setUpstreamForTests(fakeGateway([], async () => {
      throw new ApiError("UpstreamTimeout", "The VOD API did not answer in time.");
    }).gateway);
    const { status, body } = await get("t1");
    expect(status).toBe(504);
    expect(body).toEqual({ error: { code: "UpstreamTimeout", message: "The VOD API did not answer in time." } });
  });

  it("never shows a stack trace for an unexpected error", async () => {
    setUpstreamForTests(fakeGateway([], async () => {
      throw new TypeError("secret internals at /srv/app.js:1:1");
    }).gateway);
    const lines: string[] = [];
    const { setLogSink } = await import("@/lib/log");
    const restore = setLogSink((line) => lines.push(line));
    const { status, body } = await get("t1");
    restore();
    expect(status).toBe(500);
    expect(body.error.code).toBe("InternalError");
    expect(JSON.stringify(body)).not.toContain("internals");
    expect(lines.join("\n")).toContain("secret internals");
  });
});
