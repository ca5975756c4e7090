import { describe, expect, it } from "vitest";
import { newTasksLabel } from "./new-tasks-pill";

describe("newTasksLabel", () => {
  it("counts arrivals and tasks that moved into the view apart", () => {
    expect(newTasksLabel(1, 0, false)).toBe("1 new task");
    expect(newTasksLabel(3, 0, false)).toBe("3 new tasks");
    expect(newTasksLabel(2, 1, false)).toBe("2 new tasks · 1 older task now in this view");
    expect(newTasksLabel(0, 2, false)).toBe("2 older tasks now in this view");
    expect(newTasksLabel(20, 0, true)).toBe("20+ new tasks");
  });
});
