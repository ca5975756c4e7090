import { describe, expect, it } from "vitest";
import { ignoredParams } from "./ignored-params";

const ignored = (query: string) => ignoredParams(new URLSearchParams(query));

describe("ignoredParams", () => {
  it("says nothing about a valid view", () => {
    expect(ignored("status=FINISH&type=procedure&limit=100&sort=finishTime:asc&createdAfter=now-6h&refresh=off&tz=Asia/Shanghai&task=1500000001-procedurev2-4f0c9a")).toEqual([]);
    expect(ignored("tz=local&status=")).toEqual([]);
  });

  it("names each refused value and why", () => {
    expect(ignored("limit=500&sort=bogus&refresh=2s&tz=Mars/Base")).toEqual([
      { param: "sort", value: "bogus", reason: expect.stringMatching(/^must be one of createTime:desc/) },
      { param: "limit", value: "500", reason: "must be a whole number from 1 to 100" },
      { param: "refresh", value: "2s", reason: "must be one of off, 5s, 10s, 30s, 1m" },
      { param: "tz", value: "Mars/Base", reason: expect.stringContaining("IANA") },
    ]);
  });

  it("explains the statuses upstream cannot filter on", () => {
    expect(ignored("status=FAILED")[0]).toMatchObject({ param: "status", reason: expect.stringContaining("cannot filter on failure") });
    expect(ignored("status=ABORTED")[0].reason).toContain("ABORTED");
    expect(ignored("status=bogus")[0].reason).toBe("must be one of WAITING, PROCESSING, FINISH");
  });

  it("refuses a parameter given twice", () => {
    expect(ignored("status=WAITING&status=FINISH")).toEqual([{ param: "status", value: "WAITING, FINISH", reason: "given more than once" }]);
  });
});
