import { describe, expect, it } from "vitest";
import { idTarget, subAppIdParam } from "./id-target";

const OFFERED = [1500000001, 1500000002];

describe("idTarget", () => {
  it("opens a task in its app's view, leaving the default app out of the URL", () => {
    expect(idTarget({ kind: "task", id: "1500000002-x-1", subAppId: 1500000002 }, OFFERED))
      .toEqual({ kind: "navigate", filters: { subAppId: 1500000002 }, task: "1500000002-x-1", alsoIn: [] });
    expect(idTarget({ kind: "task", id: "1500000001-x-1", subAppId: 1500000001 }, OFFERED))
      .toMatchObject({ filters: { subAppId: null }, task: "1500000001-x-1" });
  });

  it("filters by a file in the first app that holds it, widening every other filter, and names the other apps", () => {
    const target = idTarget({ kind: "file", id: "5285001", subAppIds: [1500000002, 1500000001] }, OFFERED);
    expect(target).toMatchObject({ kind: "navigate", task: null, alsoIn: [1500000001] });
    expect(target.kind === "navigate" && target.filters).toMatchObject({ fileId: "5285001", subAppId: 1500000002, status: null, createdAfter: null });
  });

  it("opens a session's only task, and offers the tasks of a larger one", () => {
    const task = { taskId: "t1", subAppId: 1500000002, taskType: "Procedure", status: "FINISH", createTime: "2026-12-01T00:00:00Z" };
    expect(idTarget({ kind: "session", id: "batch-1", tasks: [task] }, OFFERED)).toMatchObject({ kind: "navigate", task: "t1", filters: { subAppId: 1500000002 } });
    expect(idTarget({ kind: "session", id: "batch-1", tasks: [task, { ...task, taskId: "t2" }] }, OFFERED)).toMatchObject({ kind: "choose", sessionId: "batch-1" });
  });

  it("an account without configured apps keeps subAppId out of the URL", () => {
    expect(subAppIdParam(null, [])).toBeNull();
    expect(subAppIdParam(7, [])).toBe(7);
  });
});
