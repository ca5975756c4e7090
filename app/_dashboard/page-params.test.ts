import { describe, expect, it } from "vitest";
import { DEFAULT_REFRESH, pageUrlParsers, parseRefresh, parseTaskId, parseTimeZone, refreshIntervalMs } from "./page-params";

describe("refresh", () => {
  it("reads the five choices and nothing else", () => {
    expect(parseRefresh("5s")).toBe("5s");
    expect(parseRefresh("1m")).toBe("1m");
    expect(parseRefresh("off")).toBe("off");
    expect(parseRefresh("2s")).toBeNull();
    expect(parseRefresh("")).toBeNull();
  });

  it("defaults to 10 seconds through the URL parser", () => {
    expect(DEFAULT_REFRESH).toBe("10s");
    expect(pageUrlParsers.refresh.parseServerSide(undefined)).toBe("10s");
    expect(pageUrlParsers.refresh.parseServerSide("bogus")).toBe("10s");
    expect(pageUrlParsers.refresh.parseServerSide("30s")).toBe("30s");
  });

  it("turns into an interval, none when off or paused", () => {
    expect(refreshIntervalMs("5s", false)).toBe(5_000);
    expect(refreshIntervalMs("1m", false)).toBe(60_000);
    expect(refreshIntervalMs("off", false)).toBe(false);
    expect(refreshIntervalMs("10s", true)).toBe(false);
  });
});

describe("tz and task", () => {
  it("keeps valid zones and drops the rest to local", () => {
    expect(parseTimeZone("Asia/Shanghai")).toBe("Asia/Shanghai");
    expect(parseTimeZone("UTC")).toBe("UTC");
    expect(parseTimeZone("Mars/Base")).toBeNull();
    expect(pageUrlParsers.tz.parseServerSide("Mars/Base")).toBe("local");
  });

  it("accepts task IDs as upstream spells them", () => {
    expect(parseTaskId("1500000001-procedurev2-4f0c9a")).toBe("1500000001-procedurev2-4f0c9a");
    expect(parseTaskId("../etc/passwd")).toBeNull();
  });
});
