import { describe, expect, it } from "vitest";
import { parseTeamViews, readStoredViews, viewLinks, viewQueryOf, viewQueryProblem, withView } from "./saved-views";

describe("saved views", () => {
  it("keeps a view's parameters in one order, without the open task or unknown ones", () => {
    expect(viewQueryOf("?task=t1&tz=UTC&status=FINISH&foo=1&createdAfter=now-1h")).toBe("status=FINISH&createdAfter=now-1h&tz=UTC");
    expect(viewQueryOf("createdAfter=now-1h&status=FINISH")).toBe(viewQueryOf("status=FINISH&createdAfter=now-1h"));
    expect(viewQueryOf("")).toBe("");
  });

  it("names what is wrong in a view's query", () => {
    expect(viewQueryProblem("status=PROCESSING&createdAfter=now-6h&refresh=30s&tz=Asia/Shanghai")).toBeNull();
    expect(viewQueryProblem("status=FAILED")).toMatch(/^status must be one of/);
    expect(viewQueryProblem("tz=Mars/Base")).toMatch(/^tz must be/);
    expect(viewQueryProblem("task=abc")).toMatch(/cannot open a task/);
    expect(viewQueryProblem("colour=red")).toMatch(/^colour is not a parameter/);
    expect(viewQueryProblem("status=FINISH&status=WAITING")).toMatch(/more than once/);
  });

  it("reads the team's views from JSON, with a clear error", () => {
    expect(parseTeamViews('{"Failed today": "?outcome=failed&createdAfter=now-24h", "Queue": "status=WAITING"}')).toEqual([
      { name: "Failed today", query: "outcome=failed&createdAfter=now-24h" },
      { name: "Queue", query: "status=WAITING" },
    ]);
    expect(() => parseTeamViews("[1]")).toThrow(/JSON object of view names/);
    expect(() => parseTeamViews("{nope")).toThrow(/JSON object of view names/);
    expect(() => parseTeamViews('{"Bad": "limit=500"}')).toThrow('view "Bad": limit must be a whole number from 1 to 100');
    expect(() => parseTeamViews('{"Bad": 3}')).toThrow(/view "Bad" must be a query string/);
    expect(() => parseTeamViews('{" ": "status=WAITING"}')).toThrow(/names must be 1 to 60/);
  });

  it("reads a browser's views leniently and saves by name, newest first", () => {
    expect(readStoredViews("not json")).toEqual([]);
    expect(readStoredViews('[{"name":"a","query":"status=FINISH"},{"name":3},null]')).toEqual([{ name: "a", query: "status=FINISH" }]);
    const views = withView([{ name: "a", query: "" }, { name: "b", query: "status=FINISH" }], { name: "b", query: "status=WAITING" });
    expect(views).toEqual([{ name: "b", query: "status=WAITING" }, { name: "a", query: "" }]);
  });

  it("exports a link list", () => {
    expect(viewLinks([{ name: "All", query: "" }, { name: "Queue", query: "status=WAITING" }], "https://vod.example.com"))
      .toBe("All\thttps://vod.example.com/\nQueue\thttps://vod.example.com/?status=WAITING\n");
  });
});
