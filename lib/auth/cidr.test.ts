import { describe, expect, it } from "vitest";
import { parseCidrs, plainAddress } from "./cidr";

describe("parseCidrs (DASHBOARD_TRUSTED_PROXIES)", () => {
  const set = parseCidrs("127.0.0.1/32, ::1/128, 10.20.0.0/16, 192.168.1.7, fd00::/8", "DASHBOARD_TRUSTED_PROXIES");

  it.each([
    ["127.0.0.1", true], ["::ffff:127.0.0.1", true], ["::1", true], ["10.20.255.1", true], ["10.21.0.1", false],
    ["192.168.1.7", true], ["192.168.1.8", false], ["fd12::1", true], ["fe80::1", false], ["127.0.0.2", false], ["unknown", false], ["", false],
  ])("%s → %s", (address, expected) => {
    expect(set.has(address)).toBe(expected);
  });

  it("reads an IPv4-mapped address as IPv4", () => {
    expect(plainAddress("::ffff:10.0.0.1")).toBe("10.0.0.1");
    expect(plainAddress("::1")).toBe("::1");
  });

  it.each(["10.0.0.0/33", "10.0.0/8", "::1/129", "example.com", "10.0.0.0/8/1", "10.0.0.0/x"])("refuses %s naming the variable", (text) => {
    expect(() => parseCidrs(text, "DASHBOARD_TRUSTED_PROXIES")).toThrow(/^DASHBOARD_TRUSTED_PROXIES: /);
  });

  it("an empty list trusts nobody", () => {
    expect(parseCidrs("", "X").has("127.0.0.1")).toBe(false);
  });
});
