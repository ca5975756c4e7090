import { describe, expect, it } from "vitest";
import { pageUrlParsers, parseTimeZone, refreshIntervalMs } from "./page-params";

describe("refresh", () => {
  it("reads the five choices and nothing else, 10 seconds by default", () => {
    expect(pageUrlParsers.refresh.parseServerSide("1m")).toBe("1m");
    expect(pageUrlParsers.refresh.parseServerSide("off")).toBe("off");
    expect(pageUrlParsers.refresh.parseServerSide("2s")).toBe("10s");
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
    expect(pageUrlParsers.task.parseServerSide("1500000001-procedurev2-4f0c9a")).toBe("1500000001-procedurev2-4f0c9a");
    expect(pageUrlParsers.task.parseServerSide("../etc/passwd")).toBeNull();
  });
});
