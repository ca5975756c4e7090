import { describe, expect, it } from "vitest";
import { isAllowedHost } from "./host-check";

const policy = { url: new URL("https://vod-dash.example.com"), allowedHosts: ["ops.internal"] };

describe("isAllowedHost", () => {
  it.each(["127.0.0.1:3000", "10.1.2.3", "[::1]:3000", "[fe80::1]", "localhost:3000", "app.localhost", "vod-dash.example.com",
    "VOD-DASH.example.com:443", "ops.internal:3000", undefined])("answers %s", (host) => {
    expect(isAllowedHost(host, policy)).toBe(true);
  });

  it.each(["attacker.example", "attacker.example:3000", "127.0.0.1.attacker.example", "localhost.attacker.example", "vod-dash.example.com.evil",
    "", "[not-ip]", "a b", "evil.example\r\nX: 1"])("refuses %j", (host) => {
    expect(isAllowedHost(host, policy)).toBe(false);
  });
});
