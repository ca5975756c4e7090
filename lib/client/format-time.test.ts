import { describe, expect, it } from "vitest";
import { between, formatAgeMs, formatDuration, formatTimestamp, fromWallTime, isValidTimeZone, localizeTimes, MAX_STAMPS_REMEMBERED, NOT_YET, resolveZone, toWallTime, zoneOffsetLabel } from "./format-time";

const AT = "2026-11-28T13:57:15Z";

describe("formatTimestamp", () => {
  it("writes the time in the chosen zone", () => {
    expect(formatTimestamp(AT, "UTC")).toBe("2026-11-28 13:57:15");
    expect(formatTimestamp(AT, "Asia/Shanghai")).toBe("2026-11-28 21:57:15");
    expect(formatTimestamp(AT, "America/New_York")).toBe("2026-11-28 08:57:15");
  });

  it("says Not yet for a time that has not happened, never year 1 or Invalid Date", () => {
    expect(formatTimestamp(null, "UTC")).toBe(NOT_YET);
    expect(formatTimestamp("", "UTC")).toBe(NOT_YET);
    expect(formatTimestamp("garbage", undefined)).toBe(NOT_YET);
  });

  it("uses midnight as 00, not 24", () => {
    expect(formatTimestamp("2026-11-28T00:00:05Z", "UTC")).toBe("2026-11-28 00:00:05");
  });
});

describe("formatTimestamp's memory", () => {
  it("gives the same text from memory as computed, and follows a change of zone", () => {
    expect(formatTimestamp(AT, "UTC")).toBe("2026-11-28 13:57:15");
    expect(formatTimestamp(AT, "UTC")).toBe("2026-11-28 13:57:15");
    expect(formatTimestamp(AT, "Asia/Shanghai")).toBe("2026-11-28 21:57:15");
    expect(formatTimestamp(AT, "UTC")).toBe("2026-11-28 13:57:15");
  });

  it("stays bounded: past its size it starts over and still answers right", () => {
    const base = Date.parse(AT);
    for (let i = 0; i <= MAX_STAMPS_REMEMBERED; i++) formatTimestamp(new Date(base + i * 1_000).toISOString(), "UTC");
    expect(formatTimestamp(AT, "UTC")).toBe("2026-11-28 13:57:15");
    expect(formatTimestamp("garbage", "UTC")).toBe(NOT_YET);
  });
});

describe("zones", () => {
  it("accepts local, UTC and IANA zones and refuses the rest", () => {
    expect(isValidTimeZone("local")).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
    expect(isValidTimeZone("Mars/Base")).toBe(false);
  });

  it("answers the same from memory, also for many made-up names", () => {
    for (let i = 0; i < 200; i++) expect(isValidTimeZone(`Mars/Base${i}`)).toBe(false);
    expect(isValidTimeZone("Mars/Base")).toBe(false);
    expect(isValidTimeZone("Asia/Shanghai")).toBe(true);
  });

  it("falls back to the browser's zone for local and for an unknown zone", () => {
    expect(resolveZone("local")).toBeUndefined();
    expect(resolveZone("Mars/Base")).toBeUndefined();
    expect(resolveZone("UTC")).toBe("UTC");
  });

  it("labels offsets", () => {
    const ms = Date.parse(AT);
    expect(zoneOffsetLabel("UTC", ms)).toBe("UTC");
    expect(zoneOffsetLabel("Asia/Shanghai", ms)).toBe("UTC+8");
    expect(zoneOffsetLabel("Asia/Kolkata", ms)).toBe("UTC+5:30");
    expect(zoneOffsetLabel("America/New_York", ms)).toBe("UTC-5");
  });

  it("turns wall times into moments and back", () => {
    expect(fromWallTime("2026-11-28T21:57", "Asia/Shanghai")).toBe(Date.parse("2026-11-28T13:57:00Z"));
    expect(toWallTime(Date.parse(AT), "Asia/Shanghai")).toBe("2026-11-28T21:57");
    // Across a daylight-saving change: 2026-03-08 03:30 in New York is EDT (UTC-4).
    expect(fromWallTime("2026-03-08T03:30", "America/New_York")).toBe(Date.parse("2026-03-08T07:30:00Z"));
    expect(fromWallTime("yesterday", "UTC")).toBeNull();
  });
});

describe("durations and ages", () => {
  it("formats durations compactly", () => {
    expect(formatDuration(null)).toBe("—");
    expect(formatDuration(Number.NaN)).toBe("—");
    expect(formatDuration(850)).toBe("<1s");
    expect(formatDuration(0)).toBe("0s");
    expect(formatDuration(45_000)).toBe("45s");
    expect(formatDuration(125_000)).toBe("2m 05s");
    expect(formatDuration(3_720_000)).toBe("1h 02m");
    expect(formatDuration(2 * 86_400_000 + 3 * 3_600_000)).toBe("2d 03h");
    expect(formatDuration(-5)).toBe("0s");
  });

  it("measures between two times, null while one is missing", () => {
    expect(between("2026-11-28T13:57:15Z", "2026-11-28T13:58:15Z")).toBe(60_000);
    expect(between("2026-11-28T13:57:15Z", null)).toBeNull();
  });

  it("formats ages", () => {
    expect(formatAgeMs(-3_000)).toBe("just now");
    expect(formatAgeMs(12_500)).toBe("12s ago");
    expect(formatAgeMs(5 * 60_000)).toBe("5m ago");
    expect(formatAgeMs(3 * 3_600_000)).toBe("3h ago");
    expect(formatAgeMs(50 * 3_600_000)).toBe("2d ago");
  });
});

describe("localizeTimes", () => {
  it("writes a server sentence's ISO times in the chosen zone, as the rest of the page does", () => {
    const reason = "the last sync failed (boom); showing data as of 2026-12-02T07:25:23.532Z";
    expect(localizeTimes(reason, "UTC")).toBe("the last sync failed (boom); showing data as of 2026-12-02 07:25:23");
    expect(localizeTimes(reason, "Asia/Shanghai")).toBe("the last sync failed (boom); showing data as of 2026-12-02 15:25:23");
    expect(localizeTimes("reading what changed since 2026-12-02T07:25:23Z and 2026-12-02T08:00:00Z", "UTC"))
      .toBe("reading what changed since 2026-12-02 07:25:23 and 2026-12-02 08:00:00");
  });

  it("leaves text without times, and things that only look like times, alone", () => {
    expect(localizeTimes("filling: 1,000 tasks so far", "UTC")).toBe("filling: 1,000 tasks so far");
    expect(localizeTimes("as of 2026-13-45T99:99:99Z", "UTC")).toBe("as of 2026-13-45T99:99:99Z");
    expect(localizeTimes("", "UTC")).toBe("");
  });
});
