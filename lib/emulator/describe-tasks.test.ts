import { describe, expect, it } from "vitest";
import { describeTasks, TokenBook } from "./describe-tasks";
import { TaskStore, windowStartSec } from "./store";
import { iso, pageAll, referenceList, type ReferenceFilter } from "./test-helpers";

const T0 = Date.UTC(2026, 10, 28, 14, 0, 0);
const store = new TaskStore({ seed: 7, tasksPerHour: 800, subApps: [1500000001, 1500000002], now: () => T0 });
const nowSec = T0 / 1000;
const ids = (rows: { TaskId?: string }[]) => rows.map((r) => r.TaskId);

function check(body: Record<string, unknown>, f: ReferenceFilter, limits = [7, 33, 100]) {
  const expected = ids(referenceList(store, T0, f));
  for (const Limit of limits) {
    const got = ids(pageAll(store, { ...body, Limit }, T0));
    expect(new Set(got).size).toBe(got.length);
    expect(got).toEqual(expected);
  }
  return expected.length;
}

describe("DescribeTasks engine", () => {
  it("pages the whole default listing (CreateTime Desc) at any page size", () => {
    expect(check({}, { field: "CreateTime", desc: true })).toBeGreaterThan(30_000);
  });

  it.each([
    ["CreateTime", "Asc"],
    ["CreateTime", "Desc"],
    ["FinishTime", "Asc"],
    ["FinishTime", "Desc"],
  ] as const)("sorts by %s %s with ties broken by TaskId", (Field, Order) => {
    check({ Sort: { Field, Order } }, { field: Field, desc: Order === "Desc" }, [100]);
  });

  it.each(["WAITING", "PROCESSING", "FINISH"])("filters Status %s in both sort fields", (Status) => {
    for (const field of ["CreateTime", "FinishTime"] as const) {
      const n = check({ Status, Sort: { Field: field, Order: "Asc" } }, { status: Status, field, desc: false }, [33]);
      expect(n).toBeGreaterThan(0);
    }
  });

  it("filters by CreateTime and FinishTime ranges (After inclusive, Before exclusive)", () => {
    const create: [number, number] = [nowSec - 30 * 3600, nowSec - 26 * 3600];
    const finish: [number, number] = [nowSec - 28 * 3600, nowSec - 27 * 3600];
    const CreateTime = { After: iso(create[0]), Before: iso(create[1]) };
    const FinishTime = { After: iso(finish[0]), Before: iso(finish[1]) };
    for (const [Field, desc] of [["CreateTime", false], ["FinishTime", true], ["CreateTime", true], ["FinishTime", false]] as const) {
      const Sort = { Field, Order: desc ? "Desc" : "Asc" };
      expect(check({ CreateTime, Sort }, { create, field: Field, desc }, [100])).toBeGreaterThan(0);
      expect(check({ FinishTime, Sort }, { finish, field: Field, desc }, [100])).toBeGreaterThan(0);
      check({ CreateTime, FinishTime, Status: "FINISH", Sort }, { create, finish, status: "FINISH", field: Field, desc }, [33]);
    }
    // Boundaries: a task created exactly at After is in, one created exactly at Before is out.
    const rows = pageAll(store, { CreateTime, Sort: { Field: "CreateTime", Order: "Asc" }, Limit: 100 }, T0);
    expect(rows[0].CreateTime! >= CreateTime.After).toBe(true);
    expect(rows.every((r) => r.CreateTime! < CreateTime.Before)).toBe(true);
  });

  it("filters by FileId; files hold several tasks", () => {
    const first = describeTasks(store, new TokenBook(), { Limit: 100 }, T0).TaskSet!;
    const fileId = first.map((t) => t.FileId!).find((f) => referenceList(store, T0, { fileId: f, field: "CreateTime", desc: true }).length > 1)!;
    expect(fileId).toBeDefined();
    check({ FileId: fileId }, { fileId, field: "CreateTime", desc: true }, [1, 100]);
    check({ FileId: fileId, Sort: { Field: "FinishTime", Order: "Asc" } }, { fileId, field: "FinishTime", desc: false }, [1]);
    expect(describeTasks(store, new TokenBook(), { FileId: "nope" }, T0).TaskSet).toEqual([]);
  });

  it("sees only the last 72 hours", () => {
    const rows = pageAll(store, { Sort: { Field: "CreateTime", Order: "Asc" }, Limit: 100 }, T0);
    expect(rows[0].CreateTime! >= iso(windowStartSec(T0))).toBe(true);
    expect(rows[0].CreateTime! < iso(windowStartSec(T0) + 600)).toBe(true);
  });

  it("defaults to 10 rows and an inclusive ScrollToken naming the next record", () => {
    const tokens = new TokenBook();
    const p1 = describeTasks(store, tokens, {}, T0);
    expect(p1.TaskSet).toHaveLength(10);
    const p2 = describeTasks(store, tokens, { ScrollToken: p1.ScrollToken, Limit: 5 }, T0);
    expect(p2.TaskSet![0].TaskId).toBe(p1.ScrollToken);
    const eleven = describeTasks(store, new TokenBook(), { Limit: 11 }, T0).TaskSet!;
    expect(eleven[10].TaskId).toBe(p1.ScrollToken);
    // A TaskId learnt elsewhere works as a token too.
    expect(describeTasks(store, new TokenBook(), { ScrollToken: eleven[3].TaskId, Limit: 2 }, T0).TaskSet![0].TaskId).toBe(eleven[3].TaskId);
  });

  it("returns an empty ScrollToken on the last page", () => {
    const r = describeTasks(store, new TokenBook(), { Status: "WAITING", Limit: 100 }, T0);
    expect(r.TaskSet!.length).toBeLessThan(100);
    expect(r.ScrollToken).toBe("");
  });

  it("reads the first SubAppId by default and each SubAppId separately", () => {
    const a = describeTasks(store, new TokenBook(), { Limit: 5 }, T0).TaskSet!;
    const b = describeTasks(store, new TokenBook(), { SubAppId: 1500000002, Limit: 5 }, T0).TaskSet!;
    expect(a.every((t) => t.TaskId!.startsWith("1500000001-"))).toBe(true);
    expect(b.every((t) => t.TaskId!.startsWith("1500000002-"))).toBe(true);
  });
});

describe("ScrollToken while tasks move", () => {
  it("keeps its position as tasks arrive, start and finish", () => {
    let now = T0;
    const live = new TaskStore({ seed: 3, tasksPerHour: 3000, subApps: [1], now: () => now });
    for (const [Field, Order] of [["FinishTime", "Asc"], ["FinishTime", "Desc"], ["CreateTime", "Desc"], ["CreateTime", "Asc"]] as const) {
      const tokens = new TokenBook();
      const body = { Sort: { Field, Order }, Limit: 20 };
      live.advance(now);
      const first = describeTasks(live, tokens, body, now);
      const firstAll = describeTasks(live, new TokenBook(), { ...body, Limit: 40 }, now).TaskSet!;
      // Let 10 minutes pass: many unfinished tasks finish, new ones arrive.
      now += 600_000;
      live.advance(now);
      const second = describeTasks(live, tokens, { ...body, ScrollToken: first.ScrollToken }, now);
      expect(first.ScrollToken).toBe(firstAll[20].TaskId);
      const seen = new Set(ids(first.TaskSet!));
      expect(ids(second.TaskSet!).some((id) => seen.has(id))).toBe(false);
      // The page starts at the token's record, unless that task has since moved in a FinishTime order
      // (or, in CreateTime Asc, aged out of the 72-hour window along with its neighbours).
      if (Field === "CreateTime" && Order === "Desc") expect(ids(second.TaskSet!)).toEqual(ids(firstAll.slice(20)));
      else expect(second.TaskSet!.length).toBe(20);
    }
  });

  it("rejects a token it never issued", () => {
    expect(() => describeTasks(store, new TokenBook(), { ScrollToken: "1500000001-procedurev2-00000000000000000000000000000000" }, T0)).toThrow(
      expect.objectContaining({ code: "InvalidParameterValue" }),
    );
  });
});
