import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { durationBucket } from "@/lib/stats/duration-buckets";
import { STORE_ENGINES, useStoreEngine } from "@/lib/testing/store-engines";
import { historyRecord } from "./history-file";
import type { HistoryFilter } from "./history-query";
import { importHistory } from "./history-transfer";
import { applyRetention } from "./retention";
import type { HistoryGroups } from "./history-stats";
import type { TaskRow } from "./task-row";
import type { TaskStore } from "./task-store";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2026, 11, 3, 12, 17, 41);
const APP = 1500000001;
const TYPES = ["Procedure", "Transcode", "EditMedia"];
const STATUSES = ["WAITING", "PROCESSING", "FINISH", "ABORTED"];
const CODES = ["70000", "FailedOperation.Timeout"];

/** A small seeded generator, so a failure names a case that can be rerun. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function tasks(count: number, seed: number, prefix = "t", ageDays = 10): TaskRow[] {
  const rand = random(seed);
  const pick = <T,>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const createTime = Math.floor((NOW - 4 * DAY - rand() * ageDays * DAY) / 1_000) * 1_000;
    const status = pick(STATUSES);
    const beginTime = status === "WAITING" ? null : createTime + Math.floor(rand() * 600) * 1_000;
    const finishTime = status === "FINISH" || status === "ABORTED" ? beginTime! + Math.floor(rand() * 3 * HOUR / 1_000) * 1_000 : null;
    const failed = status === "ABORTED" || (status === "FINISH" && rand() < 0.3);
    const known = failed || (status === "FINISH" && rand() < 0.8);
    return {
      taskId: `${prefix}${i}`, subAppId: rand() < 0.9 ? APP : APP + 1, taskType: pick(TYPES), status, fileId: `f${i % 7}`, createTime, beginTime, finishTime,
      sessionId: "", sessionContext: "", outcome: known ? (failed ? "failed" : "success") : null,
      errorCode: failed ? (status === "ABORTED" ? "ABORTED" : pick(CODES)) : null, message: failed ? "it failed" : null,
    };
  });
}

/** The same groups counted directly over the rows, in JavaScript: what the store must answer. */
function expected(rows: readonly TaskRow[], filter: HistoryFilter, bucketMs: number) {
  const inRange = (ms: number | null, range: { after?: number; before?: number }) => ms !== null && (range.after === undefined || ms >= range.after) && (range.before === undefined || ms < range.before);
  const byFinish = filter.finished.after !== undefined || filter.finished.before !== undefined;
  const counts = new Map<string, number>();
  const durations = new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const row of rows) {
    if (row.subAppId !== filter.subAppId || !inRange(row.createTime, filter.created)) continue;
    if (byFinish && !inRange(row.finishTime, filter.finished)) continue;
    if ((filter.status && row.status !== filter.status) || (filter.type && row.taskType !== filter.type) || (filter.fileId && row.fileId !== filter.fileId)) continue;
    if (filter.outcome && row.outcome !== filter.outcome) continue;
    if (filter.errorCode && (row.outcome !== "failed" || row.errorCode !== filter.errorCode)) continue;
    const bucket = (ms: number) => ms - (ms % bucketMs);
    add(counts, [bucket(row.createTime), row.finishTime === null ? -1 : bucket(row.finishTime), row.taskType, row.status, row.outcome ?? "", row.errorCode ?? ""].join("|"));
    if (row.beginTime !== null && row.beginTime >= row.createTime) add(durations, [row.taskType, "wait", durationBucket(row.beginTime - row.createTime)].join("|"));
    if (row.status === "FINISH" && row.finishTime !== null && row.beginTime !== null && row.finishTime >= row.beginTime) {
      add(durations, [row.taskType, "run", durationBucket(row.finishTime - row.beginTime)].join("|"));
    }
  }
  return { counts, durations };
}

/** The store's answer in the same shape: groups from several parts summed by key. */
function summed(groups: HistoryGroups) {
  const counts = new Map<string, number>();
  const durations = new Map<string, number>();
  for (const g of groups.counts) {
    const key = [g.created, g.finished, g.type, g.status, g.outcome, g.errorCode].join("|");
    counts.set(key, (counts.get(key) ?? 0) + g.tasks);
  }
  for (const g of groups.durations) {
    const key = [g.type, g.kind, g.bucket].join("|");
    durations.set(key, (durations.get(key) ?? 0) + g.tasks);
  }
  return { counts, durations };
}

const sorted = (map: Map<string, number>) => [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function randomFilter(rand: () => number): HistoryFilter {
  const maybe = <T,>(value: T) => (rand() < 0.3 ? value : undefined);
  const after = rand() < 0.2 ? undefined : NOW - 14 * DAY + Math.floor(rand() * 6 * DAY / 1_000) * 1_000;
  const before = NOW - 3 * DAY - Math.floor(rand() * 3 * DAY / 1_000) * 1_000;
  const finishedAfter = rand() < 0.25 ? NOW - 12 * DAY + Math.floor(rand() * 4 * DAY / 1_000) * 1_000 : undefined;
  return {
    subAppId: rand() < 0.85 ? APP : APP + 1,
    status: maybe(STATUSES[Math.floor(rand() * 4)]), type: maybe(TYPES[Math.floor(rand() * 3)]), fileId: rand() < 0.1 ? "f3" : undefined,
    outcome: maybe(rand() < 0.5 ? "success" as const : "failed" as const), errorCode: rand() < 0.1 ? CODES[0] : undefined,
    created: { after, before }, finished: { after: finishedAfter, before: finishedAfter !== undefined && rand() < 0.5 ? finishedAfter + 2 * DAY + 1_234 : undefined },
  };
}

async function rollupHours(store: TaskStore): Promise<number[]> {
  const rows = await store.engine.query<{ hour: number }>("SELECT DISTINCT hour FROM vod_stats_hours ORDER BY hour");
  return rows.map((row) => Number(row.hour));
}

describe.each(STORE_ENGINES)("statistics over history on %s", (engine) => {
  const { open, fresh } = useStoreEngine(engine);

  it("reads the rollups again once another process (a replica) recomputed them", async () => {
    const location = await fresh();
    const [reader, writer] = [await open(location), await open(location)];
    const filter: HistoryFilter = { subAppId: APP, created: { after: NOW - 20 * DAY, before: NOW - 3 * DAY }, finished: {} };
    const rows = tasks(300, 11);
    await writer.write(rows);
    expect(sorted(summed(await reader.historyStats(filter, 8 * HOUR)).counts)).toEqual(sorted(expected(rows, filter, 8 * HOUR).counts));
    const more = tasks(200, 12, "replica");
    await writer.write(more);
    await writer.refreshRollups(NOW - 3 * DAY);
    // Nothing is dirty any more for the reader: only the rollups' version says its copy is old.
    expect(sorted(summed(await reader.historyStats(filter, 8 * HOUR)).counts)).toEqual(sorted(expected([...rows, ...more], filter, 8 * HOUR).counts));
  });

  it("counts from the rollups and the edge hours' rows exactly what a direct count over the rows gives, for random filters", async () => {
    const store = await open();
    const rows = tasks(4_000, 7);
    await store.write(rows);
    const rand = random(42);
    for (let i = 0; i < 40; i++) {
      const filter = randomFilter(rand);
      const bucketMs = [HOUR, 2 * HOUR, 8 * HOUR][i % 3];
      const answer = await store.historyStats(filter, bucketMs);
      const got = summed(answer);
      const want = expected(rows, filter, bucketMs);
      expect(sorted(got.counts), `filter ${JSON.stringify(filter)}`).toEqual(sorted(want.counts));
      // The duration rollups hold type and status only: for other filters durations are left out, and said so.
      const durationsCounted = filter.fileId !== undefined || (!filter.outcome && !filter.errorCode && filter.finished.after === undefined);
      expect(answer.durationsCounted).toBe(durationsCounted);
      expect(sorted(got.durations), `filter ${JSON.stringify(filter)}`).toEqual(durationsCounted ? sorted(want.durations) : []);
    }
    // The whole hours were answered by rollups, not by rows: they exist, and none older than 72 hours is left dirty.
    expect((await rollupHours(store)).length).toBeGreaterThan(100);
  });

  it("recomputes an hour a later write touched before counting it", async () => {
    const store = await open();
    const filter: HistoryFilter = { subAppId: APP, created: { after: NOW - 20 * DAY, before: NOW - 3 * DAY }, finished: {} };
    const rows = tasks(500, 3);
    await store.write(rows);
    const first = summed(await store.historyStats(filter, 8 * HOUR));
    const more = tasks(300, 4, "late");
    // A task already counted moves on too: its status and outcome change in its hour's rollup.
    const moved = { ...rows.find((row) => row.subAppId === APP && row.status === "WAITING")!, status: "FINISH", beginTime: null, finishTime: null, outcome: "success" as const };
    await store.write([...more, moved]);
    const [dirty] = await store.engine.query<{ n: number }>("SELECT COUNT(*) AS n FROM vod_stats_dirty");
    expect(Number(dirty.n)).toBeGreaterThan(0);
    const all = [...rows.filter((row) => row.taskId !== moved.taskId), { ...moved, beginTime: rows.find((r) => r.taskId === moved.taskId)!.beginTime }, ...more];
    const second = summed(await store.historyStats(filter, 8 * HOUR));
    expect(sorted(second.counts)).toEqual(sorted(expected(all, filter, 8 * HOUR).counts));
    expect(sorted(second.counts)).not.toEqual(sorted(first.counts));
  });

  it("an import marks the hours it wrote dirty and recomputes them, so the statistics count it", async () => {
    const store = await open();
    const filter: HistoryFilter = { subAppId: APP, created: { after: NOW - 20 * DAY, before: NOW - 3 * DAY }, finished: {} };
    await store.write(tasks(200, 5));
    await store.historyStats(filter, 8 * HOUR);
    const imported = tasks(700, 6, "imp");
    const text = imported.map((row) => JSON.stringify(historyRecord(row))).join("\n");
    // An import writes through the store: the hours it touched are marked in the same transactions.
    const [before] = await store.engine.query<{ n: number }>("SELECT COUNT(*) AS n FROM vod_stats_hours");
    expect(await importHistory(store, Readable.from([text]), 100)).toBe(700);
    const [after] = await store.engine.query<{ n: number }>("SELECT COUNT(*) AS n FROM vod_stats_hours");
    expect(Number(after.n)).toBeGreaterThan(Number(before.n));
    const [dirty] = await store.engine.query<{ n: number }>("SELECT COUNT(*) AS n FROM vod_stats_dirty WHERE hour < ?", [Date.now() - 73 * HOUR]);
    expect(Number(dirty.n)).toBe(0);
    // The rollup rows alone (no edge hour) add up to what was stored in whole hours.
    const whole = { subAppId: APP, created: { after: NOW - 20 * DAY - ((NOW - 20 * DAY) % HOUR), before: NOW - 4 * DAY - ((NOW - 4 * DAY) % HOUR) }, finished: {} };
    const got = summed(await store.historyStats(whole, HOUR));
    expect(sorted(got.counts)).toEqual(sorted(expected([...tasks(200, 5), ...imported], whole, HOUR).counts));
  });

  it("retention drops the rollups of the hours it removed, and recomputes the hour it cut through", async () => {
    const store = await open();
    const rows = tasks(1_000, 9, "r", 30);
    await store.write(rows);
    const filter: HistoryFilter = { subAppId: APP, created: { before: NOW - 3 * DAY }, finished: {} };
    await store.historyStats(filter, 8 * HOUR);
    const cut = NOW - 20 * DAY;
    expect((await rollupHours(store))[0]).toBeLessThan(cut - HOUR);
    await applyRetention(store, 20, NOW);
    expect((await rollupHours(store))[0]).toBeGreaterThanOrEqual(cut - (cut % HOUR));
    const kept = rows.filter((row) => row.createTime >= cut);
    expect(sorted(summed(await store.historyStats(filter, 8 * HOUR)).counts)).toEqual(sorted(expected(kept, filter, 8 * HOUR).counts));
    // No lower bound: the rollups alone answer from the first hour, which must not still count removed tasks.
    const [sum] = await store.engine.query<{ n: number }>("SELECT CAST(SUM(tasks) AS BIGINT) AS n FROM vod_stats_hours WHERE sub_app_id = ? AND hour < ?", [APP, (NOW - 3 * DAY) - ((NOW - 3 * DAY) % HOUR)]);
    expect(Number(sum.n)).toBe(kept.filter((row) => row.subAppId === APP && row.createTime < (NOW - 3 * DAY) - ((NOW - 3 * DAY) % HOUR)).length);
  });
});
