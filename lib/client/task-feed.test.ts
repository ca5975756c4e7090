import type { InfiniteData } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import type { Task, TaskPage } from "@/lib/model/task";
import { chunk, findNewTasks, flattenPages, mergeTasks, patchPages, prependTasks, pendingOutcomeIds, unfinishedIds } from "./task-feed";

function task(taskId: string, status = "FINISH", overrides: Partial<Task> = {}): Task {
  const done = status === "FINISH" || status === "ABORTED";
  return {
    taskId, taskType: "Procedure", status, fileId: "f", sessionId: "", sessionContext: "",
    createTime: "2026-11-28T13:00:00Z",
    beginProcessTime: status === "WAITING" ? null : "2026-11-28T13:00:05Z",
    finishTime: done ? "2026-11-28T13:02:00Z" : null,
    ...overrides,
  };
}

const page = (tasks: Task[], nextCursor: string | null = "c"): TaskPage => ({ tasks, nextCursor, requestId: "r" });
const data = (...pages: TaskPage[]): InfiniteData<TaskPage> => ({ pages, pageParams: pages.map((_, i) => (i ? `c${i}` : null)) });

describe("flattenPages", () => {
  it("keeps each task once, in order", () => {
    expect(flattenPages(data(page([task("a"), task("b")]), page([task("b"), task("c")]))).map((t) => t.taskId)).toEqual(["a", "b", "c"]);
    expect(flattenPages(undefined)).toEqual([]);
  });
});

describe("flattenPages, memoised and incremental", () => {
  it("answers the same array for the same snapshot, so React sees no change", () => {
    const loaded = data(page([task("a"), task("b")]));
    expect(flattenPages(loaded)).toBe(flattenPages(loaded));
  });

  it("extends the rows when a page is appended, deduplicating against the pages before it", () => {
    const first = page([task("a"), task("b")]);
    const before = data(first);
    const rowsBefore = flattenPages(before);
    const after = data(first, page([task("b"), task("c")]));
    expect(flattenPages(after).map((t) => t.taskId)).toEqual(["a", "b", "c"]);
    // The earlier snapshot's rows are not touched by the later one.
    expect(rowsBefore.map((t) => t.taskId)).toEqual(["a", "b"]);
    expect(findNewTasks(page([task("n"), task("c")]), after).tasks.map((t) => t.taskId)).toEqual(["n"]);
  });

  it("reads everything again when an earlier page changed", () => {
    const first = page([task("a", "WAITING"), task("b")]);
    const second = page([task("c")]);
    flattenPages(data(first, second));
    const patched = patchPages(data(first, second), [task("a", "FINISH")])!;
    expect(flattenPages(patched).map((t) => `${t.taskId}:${t.status}`)).toEqual(["a:FINISH", "b:FINISH", "c:FINISH"]);
  });
});

describe("findNewTasks", () => {
  it("finds the head's tasks that are not loaded", () => {
    const loaded = data(page([task("c"), task("d")]));
    const result = findNewTasks(page([task("a"), task("b"), task("c")]), loaded);
    expect(result.tasks.map((t) => t.taskId)).toEqual(["a", "b"]);
    expect(result.gap).toBe(false);
  });

  it("reports a gap when a full head shares nothing with the loaded rows", () => {
    const result = findNewTasks(page([task("a"), task("b")], "next"), data(page([task("x")])));
    expect(result).toMatchObject({ gap: true });
    expect(findNewTasks(page([task("a")], null), data(page([task("x")]))).gap).toBe(false);
  });

  it("finds nothing before both are loaded", () => {
    expect(findNewTasks(undefined, data(page([task("a")])))).toEqual({ tasks: [], movedIn: 0, gap: false });
  });
});

describe("findNewTasks under a status filter: only arrivals are new", () => {
  const at = (minute: number) => `2026-11-28T13:${String(minute).padStart(2, "0")}:00Z`;
  const created = (id: string, minute: number, finishMinute?: number) =>
    task(id, "FINISH", { createTime: at(minute), finishTime: at(finishMinute ?? minute + 1) });

  it("counts a task created before the newest loaded row as moved into the view, not new", () => {
    const loaded = data(page([created("c", 30), created("d", 20)]));
    // "n" was created after everything loaded; "m" is older and only now matches the filter.
    const result = findNewTasks(page([created("n", 40), created("c", 30), created("m", 25)]), loaded, "createTime:desc");
    expect(result.tasks.map((t) => t.taskId)).toEqual(["n", "m"]);
    expect(result.movedIn).toBe(1);
  });

  it("by finish time, a task that just finished is new whenever it was created", () => {
    const loaded = data(page([created("c", 30, 35), created("d", 20, 25)]));
    const result = findNewTasks(page([created("old-but-just-finished", 1, 50), created("c", 30, 35)]), loaded, "finishTime:desc");
    expect(result.movedIn).toBe(0);
  });

  it("oldest first, what the head shows unseen can only have moved in", () => {
    const loaded = data(page([created("a", 10), created("b", 20)]));
    expect(findNewTasks(page([created("a", 10), created("m", 15)]), loaded, "createTime:asc").movedIn).toBe(1);
  });
});

describe("mergeTasks", () => {
  const at = (minute: number) => `2026-11-28T13:${String(minute).padStart(2, "0")}:00Z`;
  const created = (id: string, minute: number) => task(id, "FINISH", { createTime: at(minute) });

  it("puts new tasks at the top and a moved-in one among the rows of its time, keeping later pages", () => {
    const before = data(page([created("c", 30), created("d", 20)], "c1"), page([created("e", 10)], null));
    const after = mergeTasks(before, [created("n", 40), created("m", 25)], "createTime:desc");
    expect(after.pages[0].tasks.map((t) => t.taskId)).toEqual(["n", "c", "m", "d"]);
    expect(after.pages[1]).toBe(before.pages[1]);
  });

  it("follows an ascending sort", () => {
    const before = data(page([created("a", 10), created("b", 20)]));
    expect(mergeTasks(before, [created("m", 15)], "createTime:asc").pages[0].tasks.map((t) => t.taskId)).toEqual(["a", "m", "b"]);
  });
});

describe("prependTasks", () => {
  it("adds to the first page only and keeps the cursors", () => {
    const before = data(page([task("c")], "c1"), page([task("d")], null));
    const after = prependTasks(before, [task("a"), task("b")]);
    expect(after.pages[0].tasks.map((t) => t.taskId)).toEqual(["a", "b", "c"]);
    expect(after.pages[0].nextCursor).toBe("c1");
    expect(after.pages[1]).toBe(before.pages[1]);
    expect(after.pageParams).toBe(before.pageParams);
  });
});

describe("patchPages", () => {
  it("replaces a record with a fresher one in place", () => {
    const before = data(page([task("a", "WAITING"), task("b", "PROCESSING")]), page([task("c", "FINISH")]));
    const after = patchPages(before, [task("b", "FINISH")])!;
    expect(flattenPages(after).map((t) => `${t.taskId}:${t.status}`)).toEqual(["a:WAITING", "b:FINISH", "c:FINISH"]);
    expect(after.pages[1]).toBe(before.pages[1]);
  });

  it("never moves a task backwards with an older record", () => {
    const before = data(page([task("a", "FINISH")]));
    expect(patchPages(before, [task("a", "PROCESSING")])).toBe(before);
  });

  it("returns the same object when nothing changed", () => {
    const before = data(page([task("a", "PROCESSING")]));
    expect(patchPages(before, [task("a", "PROCESSING"), task("zz", "FINISH")])).toBe(before);
    expect(patchPages(undefined, [task("a")])).toBeUndefined();
  });

  it("keeps what a partial update does not say, such as the session", () => {
    const before = data(page([task("a", "PROCESSING", { sessionId: "s1", sessionContext: "ctx" })]));
    const { taskId, taskType, status, fileId, createTime, beginProcessTime, finishTime } = task("a", "FINISH");
    const after = patchPages(before, [{ taskId, taskType, status, fileId, createTime, beginProcessTime, finishTime }])!;
    expect(after.pages[0].tasks[0]).toMatchObject({ status: "FINISH", sessionId: "s1", sessionContext: "ctx" });
  });

  it("takes the start time of a task that is still processing", () => {
    const before = data(page([task("a", "PROCESSING", { beginProcessTime: null })]));
    const after = patchPages(before, [task("a", "PROCESSING")])!;
    expect(after.pages[0].tasks[0].beginProcessTime).toBe("2026-11-28T13:00:05Z");
  });
});

describe("unfinishedIds and chunk", () => {
  it("lists the loaded tasks that can still change", () => {
    expect(unfinishedIds(data(page([task("a", "WAITING"), task("b", "FINISH"), task("c", "PROCESSING"), task("d", "ABORTED")])))).toEqual(["a", "c"]);
  });

  it("splits into batches", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 200)).toEqual([]);
  });
});

describe("outcomes learnt after a row was loaded", () => {
  it("asks after the finished rows without an outcome, newest first and at most the limit", () => {
    const loaded = data(page([task("a", "PROCESSING"), task("b", "FINISH", { outcome: null }), task("c", "FINISH", { outcome: "success" }), task("d", "ABORTED", { outcome: "failed" }), task("e", "FINISH")]));
    expect(pendingOutcomeIds(loaded, 10)).toEqual(["b", "e"]);
    expect(pendingOutcomeIds(loaded, 1)).toEqual(["b"]);
  });

  it("patches a row's outcome and code in place when an update brings them, and only then", () => {
    const loaded = data(page([task("b", "FINISH", { outcome: null, errorCode: null })]));
    const same = { ...task("b", "FINISH"), outcome: null, errorCode: null };
    expect(patchPages(loaded, [same])).toBe(loaded);
    const learnt = patchPages(loaded, [{ ...same, outcome: "failed", errorCode: "InvalidInput" }]);
    expect(learnt!.pages[0].tasks[0]).toMatchObject({ taskId: "b", outcome: "failed", errorCode: "InvalidInput" });
    // A known outcome is not replaced by an update that lacks one (an older server's answer).
    expect(patchPages(learnt, [{ ...same, outcome: undefined, errorCode: undefined }])).toBe(learnt);
  });
});
