import { describe, expect, it } from "vitest";
import { bucketFilter } from "./bucket-filter";

describe("bucketFilter", () => {
  it("turns a creation bucket into an absolute created range", () => {
    expect(bucketFilter("2026-12-03T10:15:00.000Z", 900, "created")).toEqual({ createdAfter: "2026-12-03T10:15:00Z", createdBefore: "2026-12-03T10:30:00Z" });
  });

  it("turns a finish bucket into a finished range", () => {
    expect(bucketFilter("2026-12-03T10:00:00Z", 3_600, "finished")).toEqual({ finishedAfter: "2026-12-03T10:00:00Z", finishedBefore: "2026-12-03T11:00:00Z" });
  });

  it("refuses a bucket it cannot read", () => {
    expect(bucketFilter("garbage", 60, "created")).toBeNull();
    expect(bucketFilter("2026-12-03T10:00:00Z", 0, "created")).toBeNull();
  });
});
