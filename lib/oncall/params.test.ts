import { describe, expect, it } from "vitest";
import { formatDurationParam, parseDurationParam } from "./duration";
import { ONCALL_DEFAULTS, oncallParams, parseOncallQuery, staleAfterMs } from "./params";
import { oncallUrlParsers, serializeOncallQuery } from "./url-state";

const IDS = [1500000001, 1500000002];
const parse = (query: string) => parseOncallQuery(new URLSearchParams(query), { subAppIds: IDS });

describe("durations", () => {
  it.each([
    ["30s", 30], ["10m", 600], ["1h", 3_600], ["1h30m", 5_400], ["2m5s", 125], ["1h0m1s", 3_601], ["90s", 90], ["0s", 0],
  ])("reads %s as %i seconds", (text, seconds) => expect(parseDurationParam(text)).toBe(seconds));

  it.each(["", "10", "m", "1d", "1.5h", "-5m", "5 m", "1m1h", "10M", "1h1h", "s"])("refuses %j", (text) => {
    expect(parseDurationParam(text)).toBeNull();
  });

  it.each([[30, "30s"], [600, "10m"], [3_600, "1h"], [5_400, "1h30m"], [90, "1m30s"], [3_601, "1h1s"]])("writes %i seconds as %s", (seconds, text) => {
    expect(formatDurationParam(seconds)).toBe(text);
    expect(parseDurationParam(text)).toBe(seconds);
  });
});

describe("on-call parameters", () => {
  it("defaults to waitSlo 10m, runSlo 1h, refresh 10s, growth 25%, failRate 10%, every SubAppId", () => {
    expect(parse("")).toEqual({ ok: true, value: { ...ONCALL_DEFAULTS } });
    expect(ONCALL_DEFAULTS).toEqual({ waitSlo: 600, runSlo: 3_600, refresh: "10s", growth: 25, failRate: 10, stall: 120 });
  });

  it("reads every parameter, seconds included", () => {
    expect(parse("waitSlo=30s&runSlo=2m&refresh=5s&growth=50&failRate=20&stall=45s&subAppId=1500000002")).toEqual({ ok: true,
      value: { waitSlo: 30, runSlo: 120, refresh: "5s", growth: 50, failRate: 20, stall: 45, subAppId: 1500000002 } });
    expect(parse("refresh=off&waitSlo=")).toMatchObject({ ok: true, value: { refresh: "off", waitSlo: 600 } });
  });

  it.each([
    ["waitSlo=10", "waitSlo"], ["waitSlo=0s", "waitSlo"], ["waitSlo=73h", "waitSlo"], ["runSlo=soon", "runSlo"],
    ["refresh=2s", "refresh"], ["refresh=10", "refresh"], ["growth=0", "growth"], ["growth=abc", "growth"],
    ["failRate=101", "failRate"], ["failRate=5.5", "failRate"], ["subAppId=42", "subAppId"], ["waitSlo=1m&waitSlo=2m", "waitSlo"],
    ["stall=29s", "stall"], ["stall=2h", "stall"], ["stall=2", "stall"],
  ])("refuses %s, naming %s", (query, param) => {
    const result = parse(query);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.param).toBe(param);
      expect(result.message.startsWith(`${param}: `)).toBe(true);
    }
  });

  it("says what a duration must look like", () => {
    expect(oncallParams.waitSlo.expected).toBe("a duration from 1s to 72h such as 30s, 10m, 1h or 1h30m");
  });

  it("judges staleness by three refresh intervals, the default one when polling is off", () => {
    expect(staleAfterMs("5s")).toBe(15_000);
    expect(staleAfterMs("1m")).toBe(180_000);
    expect(staleAfterMs("off")).toBe(30_000);
  });

  it("gives the page nuqs parsers from the same definitions, and one spelling for the API", () => {
    expect(oncallUrlParsers.waitSlo.parse("1h30m")).toBe(5_400);
    expect(oncallUrlParsers.waitSlo.parse("nonsense")).toBeNull();
    expect(oncallUrlParsers.refresh.parse("2s")).toBeNull();
    expect(serializeOncallQuery({ waitSlo: 30, runSlo: 3_600, refresh: "5s", growth: 25, failRate: 10, stall: 120, subAppId: null })).toBe("?waitSlo=30s&refresh=5s");
    expect(serializeOncallQuery({ waitSlo: 600, runSlo: 3_600, refresh: "10s", growth: 25, failRate: 10, stall: 30, subAppId: null })).toBe("?stall=30s");
  });
});
