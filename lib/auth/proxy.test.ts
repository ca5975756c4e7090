import { describe, expect, it } from "vitest";
import { parseCidrs } from "./cidr";
import { identityFromProxy } from "./proxy";

const trusted = parseCidrs("127.0.0.1/32,::1/128,10.0.0.0/8", "DASHBOARD_TRUSTED_PROXIES");

describe("identityFromProxy", () => {
  it("believes the header from a trusted proxy", () => {
    expect(identityFromProxy("alice@example.com", "127.0.0.1", trusted)).toBe("alice@example.com");
    expect(identityFromProxy(" alice@example.com ", "::ffff:10.1.2.3", trusted)).toBe("alice@example.com");
  });

  it("ignores the same header from anywhere else", () => {
    expect(identityFromProxy("alice@example.com", "192.168.0.5", trusted)).toBeUndefined();
    expect(identityFromProxy("alice@example.com", "::ffff:192.168.0.5", trusted)).toBeUndefined();
  });

  it.each([[undefined], [""], ["  "], [["a", "b"]], ["alice@example.com, mallory@example.com"], ["a b"], ["x".repeat(400)], ["ali\u00e7e"]])(
    "reads %j as nobody", (value) => {
      expect(identityFromProxy(value, "127.0.0.1", trusted)).toBeUndefined();
    });
});
