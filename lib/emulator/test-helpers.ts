// Shared by the emulator's tests: a brute-force reference for DescribeTasks to check the engine against.
import type { TaskSimpleInfo } from "../vod/wire";
import { describeTasks, TokenBook } from "./describe-tasks";
import type { Body } from "./params";
import { ST_FINISH } from "./partition";
import { type TaskStore, windowStartSec } from "./store";
import { taskSimpleInfo } from "./task-view";

export interface ReferenceFilter {
  status?: string;
  fileId?: string;
  create?: [number, number];
  finish?: [number, number];
  field: "CreateTime" | "FinishTime";
  desc: boolean;
}

/** Every matching task of the first partition, sorted the slow, obvious way (TaskIds as strings). */
export function referenceList(store: TaskStore, nowMs: number, f: ReferenceFilter): TaskSimpleInfo[] {
  const part = store.partitions[0];
  const rows: { info: TaskSimpleInfo; key: number }[] = [];
  for (let i = 0; i < part.count; i++) {
    const c = part.create[i];
    if (c < windowStartSec(nowMs)) continue;
    const info = taskSimpleInfo(store, part, i);
    const finished = part.status[i] >= ST_FINISH;
    if (f.status && info.Status !== f.status) continue;
    if (f.fileId && info.FileId !== f.fileId) continue;
    if (f.create && (c < f.create[0] || c >= f.create[1])) continue;
    if (f.finish && (!finished || part.finish[i] < f.finish[0] || part.finish[i] >= f.finish[1])) continue;
    rows.push({ info, key: f.field === "CreateTime" ? c : finished ? part.finish[i] : 0 });
  }
  rows.sort((a, b) => {
    const d = a.key - b.key || (a.info.TaskId! < b.info.TaskId! ? -1 : a.info.TaskId! > b.info.TaskId! ? 1 : 0);
    return f.desc ? -d : d;
  });
  return rows.map((r) => r.info);
}

/** Pages through DescribeTasks in-process until the token runs out. */
export function pageAll(store: TaskStore, body: Body, nowMs: number, tokens = new TokenBook()): TaskSimpleInfo[] {
  const all: TaskSimpleInfo[] = [];
  let token: string | undefined;
  for (let guard = 0; guard < 100_000; guard++) {
    const r = describeTasks(store, tokens, { ...body, ...(token ? { ScrollToken: token } : {}) }, nowMs);
    all.push(...r.TaskSet!);
    if (!r.ScrollToken) return all;
    token = r.ScrollToken;
  }
  throw new Error("paging did not end");
}

export function iso(sec: number): string {
  return new Date(sec * 1000).toISOString().slice(0, 19) + "Z";
}
