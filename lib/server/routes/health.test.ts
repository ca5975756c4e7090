import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { fakeGateway } from "@/lib/testing/fake-gateway";
import type { Gateway } from "@/lib/vod/gateway";
import { openProcessStore } from "@/lib/store/process-store";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET } from "./health";

afterEach(() => setUpstreamForTests(undefined));

describe("GET /api/health", () => {
  it("says ok in emulator mode when the upstream answers, and shows no credential", async () => {
    setUpstreamForTests(fakeGateway([]).gateway);
    const response = await GET(new Request("http://dashboard.test/api/health"));
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", mode: "emulator", endpoint: "http://127.0.0.1:4510", subAppIds: [1500000001, 1500000002], upstream: { ok: true } });
    expect(JSON.stringify(body)).not.toContain("emulator-secret");
  });

  it("says degraded, with the reason, when the upstream fails", async () => {
    const failing: Gateway = { ...fakeGateway([]).gateway, describeTasks: async () => {
      throw new ApiError("UpstreamUnavailable", "The VOD API is unavailable (network error).");
    } };
    setUpstreamForTests(failing);
    const body = await (await GET(new Request("http://dashboard.test/api/health"))).json();
    expect(body).toMatchObject({ status: "degraded", upstream: { ok: false, error: { code: "UpstreamUnavailable" } } });
  });
});

describe("GET /api/health with a task store", () => {
  it("adds the store: engine, ok, tasks, oldest and outcomes known and pending", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-health-"));
    const opened = await openProcessStore({ engine: "sqlite", path: path.join(dir, "store.db") }, 30);
    try {
      const recent = Math.floor(Date.now() / 1_000) * 1_000 - 3_600_000;
      const task = { subAppId: 0, taskType: "Procedure", status: "FINISH", fileId: "f", beginTime: null, finishTime: null, sessionId: "", sessionContext: "", outcome: null, errorCode: null, message: null };
      // t1 is older than upstream's 72 hours: its outcome can no longer be looked up, so it is not pending.
      await opened!.store.write([{ ...task, taskId: "t1", createTime: Date.UTC(2026, 10, 28) }, { ...task, taskId: "t2", createTime: recent },
        { ...task, taskId: "t3", createTime: recent, outcome: "failed", errorCode: "70000", message: "boom" }]);
      setUpstreamForTests(fakeGateway([]).gateway);
      const body = await (await GET(new Request("http://dashboard.test/api/health"))).json();
      expect(body).toMatchObject({ status: "ok", store: { engine: "sqlite", ok: true, tasks: 3, oldest: "2026-11-28T00:00:00Z", outcomesKnown: 1, outcomesPending: 1 } });
      // With SQLite the process is the one replica, and collects (CONTRACT §8).
      expect(body.replica).toEqual({ id: expect.stringMatching(/:\d+$/), role: "collector", collector: body.replica.id });
    } finally {
      await opened!.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("GET /api/health while the task store fails", () => {
  it("says store.ok false and since when, and drops both once writes succeed again", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "vod-health-"));
    const opened = (await openProcessStore({ engine: "sqlite", path: path.join(dir, "store.db") }, 30))!;
    const write = opened.store.write.bind(opened.store);
    try {
      setUpstreamForTests(fakeGateway([]).gateway);
      opened.store.write = async () => {
        throw new Error("disk I/O error");
      };
      const before = Date.now() - 1_000;
      opened.writer.tasks([{ taskId: "t1", subAppId: 0, taskType: "Procedure", status: "WAITING", fileId: "f", createTime: Date.now(), beginTime: null,
        finishTime: null, sessionId: "", sessionContext: "", outcome: null, errorCode: null, message: null }]);
      await opened.writer.drain();
      const failing = await (await GET(new Request("http://dashboard.test/api/health"))).json();
      expect(failing).toMatchObject({ status: "degraded", store: { ok: false, error: "disk I/O error", since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/) } });
      expect(Date.parse(failing.store.since)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(failing.store.since)).toBeLessThanOrEqual(Date.now());
      opened.store.write = write;
      await opened.writer.drain();
      const recovered = await (await GET(new Request("http://dashboard.test/api/health"))).json();
      expect(recovered.status).toBe("ok");
      expect(recovered.store.ok).toBe(true);
      expect(recovered.store).not.toHaveProperty("since");
    } finally {
      opened.store.write = write;
      await opened.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
