import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openProcessStore, type ProcessStore } from "@/lib/store/process-store";
import type { TaskRow } from "@/lib/store/task-row";
import { fakeGateway, upstreamTask } from "@/lib/testing/fake-gateway";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { ApiError } from "@/lib/api/errors";
import { GET as detail } from "./task-detail";
import { GET } from "./tasks";

const DAY = 86_400_000;
const NOW = Date.now();
const iso = (ms: number) => new Date(Math.floor(ms / 1_000) * 1_000).toISOString().replace(".000Z", "Z");

function stored(taskId: string, daysAgo: number, fields: Partial<TaskRow> = {}): TaskRow {
  const createTime = Math.floor((NOW - daysAgo * DAY) / 1_000) * 1_000;
  return { taskId, subAppId: 1500000001, taskType: "Procedure", status: "FINISH", fileId: "f1", createTime, beginTime: createTime + 1_000, finishTime: createTime + 60_000,
    sessionId: "", sessionContext: "", outcome: "success", errorCode: null, message: "", ...fields };
}

async function get(query: string) {
  const response = await GET(new Request(`http://dashboard.test/api/tasks${query}`));
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const live = [1, 2, 3].map((i) => upstreamTask(`live${i}`, { CreateTime: iso(NOW - i * 3_600_000) }));

describe("GET /api/tasks over a window older than 72 hours", () => {
  let dir = "";
  let opened: ProcessStore;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-history-"));
    opened = (await openProcessStore({ engine: "sqlite", path: path.join(dir, "store.db") }, 30))!;
    await opened.store.write([stored("h5", 5), stored("h4", 4), stored("h6", 6, { taskType: "Transcode" }), stored("h10", 10),
      stored("other", 5, { subAppId: 1500000002 }), stored("h4b", 4, { status: "WAITING", finishTime: null, beginTime: null })]);
  });
  afterAll(async () => {
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  afterEach(() => setUpstreamForTests(undefined));

  it("lists upstream's 72 hours first, then the store's older part, with one nextCursor chain", async () => {
    const { gateway, requests } = fakeGateway(live);
    setUpstreamForTests(gateway);
    const ids: string[][] = [];
    const sources: (string | undefined)[] = [];
    let cursor = "";
    for (let page = 0; page < 6; page++) {
      const { status, body } = await get(`?createdAfter=now-7d&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(status).toBe(200);
      ids.push(body.tasks.map((task: { taskId: string }) => task.taskId));
      sources.push(body.source);
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    expect(ids).toEqual([["live1", "live2"], ["live3"], ["h4b", "h4"], ["h5", "h6"], []]);
    expect(sources).toEqual([undefined, undefined, "history", "history", "history"]);
    // Upstream is asked for its part only: nothing older than its own window.
    const after = Date.parse(requests[0].CreateTime!.After!);
    expect(after).toBeGreaterThanOrEqual(NOW - 3 * DAY - 1_000);
    expect(after).toBeLessThanOrEqual(NOW - 3 * DAY + 5_000);
  });

  it("says on every page where the store's part begins and how long it is kept, and nothing for a view inside 72 hours", async () => {
    setUpstreamForTests(fakeGateway(live).gateway);
    const first = await get("?createdAfter=now-7d&limit=2");
    const before = Date.parse(first.body.history.before);
    expect(first.body.history).toEqual({ before: iso(before), days: 30 });
    expect(before).toBeGreaterThanOrEqual(NOW - 3 * DAY - 1_000);
    expect(before).toBeLessThanOrEqual(Date.now() - 3 * DAY + 1_000);
    // The boundary is the first page's: the cursor keeps it, into the store's part too.
    let cursor = first.body.nextCursor;
    for (let page = 0; page < 3 && cursor; page++) {
      const next = await get(`?createdAfter=now-7d&limit=2&cursor=${cursor}`);
      expect(next.body.history).toEqual(first.body.history);
      cursor = next.body.nextCursor;
    }
    expect((await get("?createdAfter=now-7d&sort=createTime:asc&limit=2")).body.history).toEqual({ before: expect.any(String), days: 30 });
    expect((await get("?limit=2")).body).not.toHaveProperty("history");
    expect((await get("?createdAfter=now-24h&limit=2")).body).not.toHaveProperty("history");
    expect((await get("?outcome=success&limit=2")).body).not.toHaveProperty("history");
    // An outcome view is the store's whole: its boundary is the first page's now.
    const outcome = await get("?outcome=success&createdAfter=now-7d&limit=2");
    expect(Math.abs(Date.parse(outcome.body.history.before) - Date.now())).toBeLessThan(5_000);
  });

  it("reads the store's part first for an ascending sort, with every filter applied there", async () => {
    setUpstreamForTests(fakeGateway(live).gateway);
    const first = await get("?createdAfter=now-7d&sort=createTime:asc&type=Procedure&status=FINISH&limit=5");
    expect(first.body).toMatchObject({ source: "history", tasks: [{ taskId: "h5", createTime: iso(NOW - 5 * DAY), status: "FINISH" }, { taskId: "h4" }] });
    const next = await get(`?createdAfter=now-7d&sort=createTime:asc&type=Procedure&status=FINISH&limit=5&cursor=${first.body.nextCursor}`);
    expect(next.body.source).toBeUndefined();
    expect(next.body.tasks.map((task: { taskId: string }) => task.taskId)).toEqual(["live1", "live2", "live3"]);
  });

  it("asks upstream nothing for a window that ended before its 72 hours", async () => {
    const { gateway, requests } = fakeGateway(live);
    setUpstreamForTests(gateway);
    const { body } = await get("?createdAfter=now-30d&createdBefore=now-100h&limit=10");
    expect(body.tasks.map((task: { taskId: string }) => task.taskId)).toEqual(["h5", "h6", "h10"]);
    expect(body.nextCursor).toBeNull();
    expect(requests).toEqual([]);
  });

  it("answers the detail of a task upstream no longer knows from the store, outcome included", async () => {
    setUpstreamForTests(fakeGateway([], async () => {
      throw new ApiError("UpstreamRejected", "refused", { upstreamCode: "InvalidParameterValue.TaskId", requestId: "r1" });
    }).gateway);
    const found = await detail(new Request("http://dashboard.test/api/tasks/h5"), { taskId: "h5" });
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ taskId: "h5", status: "FINISH", outcome: "success", subTasks: [], progress: null, source: "history" });
    const elsewhere = await detail(new Request("http://dashboard.test/api/tasks/other?subAppId=1500000001"), { taskId: "other" });
    expect(elsewhere.status).toBe(404);
    expect((await elsewhere.json()).error.message).toBe("taskId: no task other in the last 72 hours nor in the task store");
  });

  it("refuses a window older than VOD_HISTORY_DAYS, naming the parameter", async () => {
    const { status, body } = await get("?createdAfter=now-31d");
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/^createdAfter:/);
  });
});

describe("GET /api/tasks over history without a store", () => {
  it("answers 503 StoreUnavailable with Retry-After, not a 500", async () => {
    setUpstreamForTests(fakeGateway(live).gateway);
    const { status, body, headers } = await get("?createdAfter=now-30d&createdBefore=now-4d");
    expect(status).toBe(503);
    expect(body.error.code).toBe("StoreUnavailable");
    expect(headers.get("retry-after")).toBe("30");
    setUpstreamForTests(undefined);
  });
});
