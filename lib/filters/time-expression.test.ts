import { describe, expect, it } from "vitest";
import { freezeTimeText, parseTimeExpression, resolveTime } from "./time-expression";

const NOW = Date.UTC(2026, 10, 28, 12, 0, 0);

describe("parseTimeExpression", () => {
  it.each([
    ["now", 0],
    ["now-15m", 15 * 60_000],
    ["now-6h", 6 * 3_600_000],
    ["now-3d", 3 * 86_400_000],
    ["now-30s", 30_000],
  ])("reads %s as relative", (text, offsetMs) => {
    expect(parseTimeExpression(text)).toEqual({ kind: "relative", offsetMs });
  });

  it.each([
    ["2026-11-28T13:57:15Z", Date.UTC(2026, 10, 28, 13, 57, 15)],
    ["2026-11-28T13:57Z", Date.UTC(2026, 10, 28, 13, 57)],
    ["2026-11-28T21:57:15+08:00", Date.UTC(2026, 10, 28, 13, 57, 15)],
    ["2026-11-28T13:57:15.250Z", Date.UTC(2026, 10, 28, 13, 57, 15, 250)],
    ["2026-11-28", Date.UTC(2026, 10, 28)],
  ])("reads %s as absolute", (text, ms) => {
    expect(parseTimeExpression(text)).toEqual({ kind: "absolute", ms });
  });

  it.each(["", "now-", "now-6", "now-6y", "now+6h", "yesterday", "2026-13-01T00:00:00Z", "2026-11-28T13:57:15",
    "0001-01-01T00:00:00Z", "9999-01-01T00:00:00Z", "1732800000", "now-999999d", "now-99999d", "now-3651d",
    "2026-02-30T00:00:00Z", "2026-02-29", "2026-11-28T24:00:00Z", "2026-11-28T13:60:00Z", "2026-11-28T13:00:61Z", "2026-11-28T13:00:00+25:00"])("rejects %j", (text) => {
    expect(parseTimeExpression(text)).toBeNull();
  });
});

describe("resolveTime and freezeTimeText", () => {
  it("resolves relative times against now", () => {
    expect(resolveTime({ kind: "relative", offsetMs: 60_000 }, NOW)).toBe(NOW - 60_000);
    expect(resolveTime({ kind: "absolute", ms: 5 }, NOW)).toBe(5);
  });

  it("freezes relative times into absolute UTC and leaves absolute ones alone", () => {
    expect(freezeTimeText("now-6h", NOW)).toBe("2026-11-28T06:00:00Z");
    expect(freezeTimeText("2026-11-28T01:02:03Z", NOW)).toBe("2026-11-28T01:02:03Z");
  });
});
