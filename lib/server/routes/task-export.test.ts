import fs from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openProcessStore, type ProcessStore } from "@/lib/store/process-store";
import type { TaskRow } from "@/lib/store/task-row";
import { createDashboardServer } from "../http-server";
import { GET } from "./task-export";

const DAY = 86_400_000;
const NOW = Date.now();

function stored(i: number, fields: Partial<TaskRow> = {}): TaskRow {
  const createTime = Math.floor((NOW - (i + 1) * 60_000) / 1_000) * 1_000;
  return { taskId: `t${String(i).padStart(5, "0")}`, subAppId: 1500000001, taskType: i % 2 ? "Procedure" : "Transcode", status: "FINISH", fileId: "f1",
    createTime, beginTime: createTime + 1_000, finishTime: createTime + 9_000, sessionId: "", sessionContext: "", outcome: "success", errorCode: null, message: "", ...fields };
}

describe("GET /api/tasks/export", () => {
  let dir = "";
  let opened: ProcessStore;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-export-"));
    opened = (await openProcessStore({ engine: "sqlite", path: path.join(dir, "store.db") }, 30))!;
    await opened.store.write([
      ...Array.from({ length: 4_500 }, (_, i) => stored(i)),
      stored(99_998, { taskId: "tricky", createTime: NOW - 5 * DAY, sessionContext: '=HYPERLINK("x"), "quoted"\nline', outcome: "failed", errorCode: "70000", message: "Encoding failed" }),
      stored(99_997, { taskId: "aborted", taskType: "Transcode", createTime: NOW - 2 * DAY, status: "ABORTED", outcome: "failed", errorCode: "ABORTED", message: "The task was aborted." }),
      stored(99_999, { taskId: "other-app", subAppId: 1500000002 }),
    ]);
  });
  afterAll(async () => {
    await opened.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("streams exactly the filtered set as NDJSON, across the store's batches", async () => {
    const response = await GET(new Request("http://dashboard.test/api/tasks/export?format=ndjson&type=Procedure&createdAfter=now-30d"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="vod-tasks-\d{8}-\d{6}\.ndjson"$/);
    const lines = (await response.text()).trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2_250);
    expect(Object.keys(lines[0])).toEqual(expect.arrayContaining(["outcome", "errorCode", "message"]));
    expect(lines[0]).toMatchObject({ taskId: "t00001", taskType: "Procedure", status: "FINISH", outcome: "success", errorCode: null });
    expect(new Set(lines.map((task) => task.taskId)).size).toBe(2_250);
  });

  it("writes CSV a spreadsheet opens safely, quoting and defusing formulas", async () => {
    const text = await (await GET(new Request("http://dashboard.test/api/tasks/export?createdBefore=now-4d&createdAfter=now-6d"))).text();
    const [head, ...rows] = text.trim().split("\r\n");
    expect(head).toBe("taskId,taskType,status,fileId,createTime,beginProcessTime,finishTime,outcome,errorCode,sessionId,sessionContext,message");
    expect(rows.join("\r\n")).toContain(`,failed,70000,,"'=HYPERLINK(""x""), ""quoted""\nline",Encoding failed`);
  });

  it("carries each failure's outcome, error code and message, and filters on the error code", async () => {
    const text = await (await GET(new Request("http://dashboard.test/api/tasks/export?format=ndjson&errorCode=ABORTED"))).text();
    const lines = text.trim().split("\n").map((line) => JSON.parse(line));
    expect(lines).toEqual([expect.objectContaining({ taskId: "aborted", outcome: "failed", errorCode: "ABORTED", message: "The task was aborted." })]);
    const failed = (await (await GET(new Request("http://dashboard.test/api/tasks/export?format=ndjson&outcome=failed&createdAfter=now-30d"))).text()).trim().split("\n");
    expect(failed.map((line) => JSON.parse(line).taskId).sort()).toEqual(["aborted", "tricky"]);
  });

  it.each([["?format=xlsx", "format"], ["?format=csv&format=ndjson", "format"], ["?createdAfter=now-31d", "createdAfter"], ["?status=DONE", "status"], ["?errorCode=no%20spaces", "errorCode"]])(
    "refuses %s with a 400 naming %s", async (query, name) => {
      const response = await GET(new Request(`http://dashboard.test/api/tasks/export${query}`));
      expect(response.status).toBe(400);
      expect((await response.json()).error.message).toMatch(new RegExp(`^${name}:`));
    });

  it("streams through the dashboard's own server", async () => {
    const server = createDashboardServer({ renderPage: async (_req, res) => void res.end("a page"), origin: "http://localhost", dev: false });
    await new Promise<void>((resolve) => server.gate.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = server.gate.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/api/tasks/export?format=ndjson`);
      expect(response.status).toBe(200);
      expect(response.headers.get("transfer-encoding")).toBe("chunked");
      expect((await response.text()).trim().split("\n")).toHaveLength(4_502);
    } finally {
      server.gate.close();
      server.http.close();
    }
  });
});
