import { describe, expect, it } from "vitest";
import { maySee, parseAccess, scopeOf } from "./access";

describe("DASHBOARD_ACCESS", () => {
  const rules = parseAccess("alice@example.com=*; bob@example.com=1500000001+1500000002; *=1500000003");

  it("gives an identity its own apps and everyone's", () => {
    expect(scopeOf("alice@example.com", rules)).toBe("all");
    expect(scopeOf("Bob@Example.com", rules)).toEqual(new Set([1500000001, 1500000002, 1500000003]));
    expect(scopeOf("carol@example.com", rules)).toEqual(new Set([1500000003]));
  });

  it("without a `*` entry, an unlisted identity sees nothing", () => {
    const only = parseAccess("bob=1500000001");
    expect(scopeOf("carol", only)).toEqual(new Set());
    expect(maySee(scopeOf("carol", only), 1500000001)).toBe(false);
    expect(maySee(scopeOf("bob", only), 1500000001)).toBe(true);
  });

  it("unset: everyone signed in sees every app", () => {
    expect(scopeOf("anyone", undefined)).toBe("all");
  });

  it.each([
    ["bob", "pair 1"], ["bob=", "pair 1"], ["=1500000001", "pair 1"], ["bob=15x", "SubAppIds must be numbers"],
    ["bob=1;bob=2", "listed twice"], [";;", "at least one"], ["bob=1,2", "numbers joined by +"],
  ])("refuses %s naming the variable", (text, why) => {
    expect(() => parseAccess(text)).toThrow(/DASHBOARD_ACCESS/);
    expect(() => parseAccess(text)).toThrow(why);
  });

  it("names a faulty pair by its place, never by its identity (start-up errors reach the log)", () => {
    for (const text of ["alice@example.com=1;alice@example.com=2", "alice@example.com=1;bob@example.com=x"]) {
      expect(() => parseAccess(text)).toThrow(/DASHBOARD_ACCESS pair 2/);
      expect(() => parseAccess(text)).not.toThrow(/example\.com/);
    }
  });
});
