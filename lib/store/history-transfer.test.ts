import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { STORE_ENGINES, useStoreEngine } from "@/lib/testing/store-engines";
import { exportHistory, importHistory } from "./history-transfer";
import type { TaskRow } from "./task-row";

const T0 = Date.UTC(2026, 10, 1);
const rows: TaskRow[] = Array.from({ length: 120 }, (_, i) => ({
  taskId: `t${String(i).padStart(3, "0")}`, subAppId: i % 3 === 0 ? 0 : 1500000001 + (i % 2), taskType: i % 2 ? "Procedure" : "Transcode",
  status: i % 4 === 0 ? "WAITING" : "FINISH", fileId: `f${i}`, createTime: T0 + i * 60_000, beginTime: i % 4 === 0 ? null : T0 + i * 60_000 + 1_000,
  finishTime: i % 4 === 0 ? null : T0 + i * 60_000 + 9_000, sessionId: `s${i}`, sessionContext: "ctx \"quoted\"\nnewline",
  outcome: i % 4 === 0 ? null : i % 5 === 0 ? "failed" : "success", errorCode: i % 4 !== 0 && i % 5 === 0 ? "70000" : null, message: i % 4 !== 0 && i % 5 === 0 ? "bad input" : i % 4 === 0 ? null : "",
}));

async function exported(store: Parameters<typeof exportHistory>[0], since?: number): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (chunk: Buffer) => chunks.push(chunk));
  await exportHistory(store, out, since);
  out.end();
  return Buffer.concat(chunks).toString("utf8");
}

describe.each(STORE_ENGINES)("history export and import on %s", (engine) => {
  const { open } = useStoreEngine(engine);

  it("moves every task with its outcome, and importing twice duplicates nothing", async () => {
    const from = await open();
    await from.write(rows);
    const text = await exported(from);
    expect(text.trim().split("\n")).toHaveLength(120);
    expect(JSON.parse(text.split("\n")[1])).toMatchObject({ taskId: "t001", subAppId: 1500000002, createTime: "2026-11-01T00:01:00Z", outcome: "success" });
    const to = await open();
    expect(await importHistory(to, Readable.from([text]))).toBe(120);
    expect(await importHistory(to, Readable.from([text]), 7)).toBe(120);
    expect((await to.summary()).tasks).toBe(120);
    expect(await exported(to)).toBe(text);
  });

  it("exports only what was created since --since", async () => {
    const store = await open();
    await store.write(rows);
    expect((await exported(store, T0 + 100 * 60_000)).trim().split("\n")).toHaveLength(20);
  });

  it("stops at a bad line, naming it and the field", async () => {
    const store = await open();
    const good = JSON.stringify({ taskId: "a", taskType: "Procedure", status: "FINISH", createTime: "2026-11-01T00:00:00Z" });
    await expect(importHistory(store, Readable.from([`${good}\n{"taskId":"b","taskType":"x","status":"WAITING","createTime":"yesterday"}\n`]))).rejects.toThrow(/^line 2: createTime: must be an ISO 8601 time/);
    await expect(importHistory(store, Readable.from(["not json\n"]))).rejects.toThrow(/^line 1: is not JSON/);
  });
});
