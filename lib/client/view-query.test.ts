import { describe, expect, it } from "vitest";
import { DEFAULT_LIMIT, DEFAULT_SORT, parseTaskQuery } from "@/lib/filters/task-query";
import { hasFilters, viewQueries, type Filters } from "./view-query";

const none: Filters = {
  status: null, fileId: null, type: null, outcome: null, errorCode: null, fileName: null, createdAfter: null, createdBefore: null, finishedAfter: null, finishedBefore: null,
  sort: DEFAULT_SORT, limit: DEFAULT_LIMIT, subAppId: null,
};

describe("viewQueries", () => {
  it("writes the page's filters as the API's query string, which the API parses back", () => {
    const filters: Filters = { ...none, status: "PROCESSING", createdAfter: "now-6h", sort: "finishTime:asc", limit: 20 };
    const { list } = viewQueries(filters, [1]);
    expect(list).toBe("?status=PROCESSING&createdAfter=now-6h&sort=finishTime:asc&limit=20");
    const parsed = parseTaskQuery(new URLSearchParams(list), { subAppIds: [1] });
    expect(parsed).toEqual({ ok: true, value: { status: "PROCESSING", createdAfter: "now-6h", sort: "finishTime:asc", limit: 20 } });
  });

  it("counts stats over the window without status, sort or paging", () => {
    expect(viewQueries({ ...none, status: "WAITING", fileId: "f1", limit: 10 }, []).stats).toBe("?fileId=f1");
  });

  it("drops a SubAppId the server does not offer, and waits until it knows", () => {
    expect(viewQueries({ ...none, subAppId: 7 }, [1, 2])).toMatchObject({ subAppId: null, list: "", ready: true });
    expect(viewQueries({ ...none, subAppId: 2 }, [1, 2])).toMatchObject({ subAppId: 2, list: "?subAppId=2" });
    expect(viewQueries({ ...none, subAppId: 2 }, undefined).ready).toBe(false);
    expect(viewQueries(none, undefined).ready).toBe(true);
  });

  it("knows whether a view is filtered", () => {
    expect(hasFilters(none)).toBe(false);
    expect(hasFilters({ ...none, sort: "createTime:asc" })).toBe(false);
    expect(hasFilters({ ...none, type: "Procedure" })).toBe(true);
    expect(hasFilters({ ...none, fileName: "launch" })).toBe(true);
  });

  it("keeps a file-name prefix out of the list's and the stats' queries: it narrows the loaded rows only", () => {
    const { list, stats } = viewQueries({ ...none, fileName: "launch", status: "FINISH" }, [1]);
    expect(list).toBe("?status=FINISH");
    expect(stats).toBe("");
  });
});
