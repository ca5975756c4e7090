import { describe, expect, it } from "vitest";
import { exportHref } from "./export-href";
import { viewQueries, type Filters } from "./view-query";

const filters = (patch: Partial<Filters>): Filters => ({
  status: null, fileId: null, fileName: null, type: null, outcome: null, errorCode: null, createdAfter: null, createdBefore: null,
  finishedAfter: null, finishedBefore: null, sort: "createTime:desc", limit: 50, subAppId: null, ...patch,
});

describe("exportHref", () => {
  it("carries exactly the list's filters, in the list's spelling, plus the format", () => {
    const view = viewQueries(filters({ status: "FINISH", type: "Procedure", createdAfter: "now-7d", sort: "finishTime:asc" }), undefined);
    const href = exportHref(view.list, "csv");
    expect(href.startsWith("/api/tasks/export?")).toBe(true);
    expect(href).toBe(`/api/tasks/export${view.list}&format=csv`);
    expect(Object.fromEntries(new URLSearchParams(view.list))).toMatchObject({ status: "FINISH", type: "Procedure", createdAfter: "now-7d", sort: "finishTime:asc" });
  });

  it("exports the whole default view with the format alone", () => {
    expect(exportHref(viewQueries(filters({}), undefined).list, "ndjson")).toBe("/api/tasks/export?format=ndjson");
  });

  it("leaves out a SubAppId the server does not offer, as the list does", () => {
    expect(exportHref(viewQueries(filters({ subAppId: 9 }), [1500000001]).list, "csv")).toBe("/api/tasks/export?format=csv");
    expect(exportHref(viewQueries(filters({ subAppId: 1500000001 }), [1500000001]).list, "csv")).toBe("/api/tasks/export?subAppId=1500000001&format=csv");
  });
});
