import { describe, expect, it } from "vitest";
import { parseEndpoint, readServerEnv } from "./server-env";

describe("readServerEnv", () => {
  it("runs against the emulator when no credentials are set", () => {
    const env = readServerEnv({});
    expect(env.mode).toBe("emulator");
    expect(env.endpoint).toEqual({ protocol: "http://", host: "127.0.0.1:4510" });
    expect(env.credential).toEqual({ secretId: "AKIDemulator", secretKey: "emulator-secret" });
    expect(env.subAppIds).toEqual([1500000001, 1500000002]);
    expect(env.maxRps).toBe(50);
  });

  it("reads empty variables as unset", () => {
    expect(readServerEnv({ TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: " ", VOD_MAX_RPS: "" })).toMatchObject({ mode: "emulator", maxRps: 50 });
  });

  it("follows the emulator's port and keys", () => {
    const env = readServerEnv({ VOD_EMULATOR_PORT: "4610", VOD_EMULATOR_KEYS: "AKIDa:k:with:colons,AKIDb:x" });
    expect(env.endpoint.host).toBe("127.0.0.1:4610");
    expect(env.credential).toEqual({ secretId: "AKIDa", secretKey: "k:with:colons" });
  });

  it("goes live with credentials, on Tencent's endpoint over https by default", () => {
    const env = readServerEnv({ TENCENTCLOUD_SECRET_ID: "AKIDx", TENCENTCLOUD_SECRET_KEY: "key", TENCENTCLOUD_SESSION_TOKEN: "tok",
      VOD_SUBAPP_IDS: "1500000003, 1500000004", VOD_MAX_RPS: "90" });
    expect(env).toMatchObject({ mode: "live", endpoint: { protocol: "https://", host: "vod.tencentcloudapi.com" },
      credential: { secretId: "AKIDx", secretKey: "key", token: "tok" }, subAppIds: [1500000003, 1500000004], maxRps: 90 });
  });

  it.each([
    [{ VOD_MAX_RPS: "101" }, "VOD_MAX_RPS"],
    [{ VOD_MAX_RPS: "0" }, "VOD_MAX_RPS"],
    [{ VOD_MAX_RPS: "lots" }, "VOD_MAX_RPS"],
    [{ VOD_SUBAPP_IDS: "15,abc" }, "VOD_SUBAPP_IDS"],
    [{ TENCENTCLOUD_SECRET_ID: "AKIDx" }, "TENCENTCLOUD_SECRET_KEY"],
    [{ VOD_ENDPOINT: "ftp://x" }, "VOD_ENDPOINT"],
  ])("refuses %j naming %s", (source, name) => {
    expect(() => readServerEnv(source)).toThrow(name);
  });

  it("never puts a secret into its error messages", () => {
    try {
      readServerEnv({ TENCENTCLOUD_SECRET_KEY: "super-secret-value" });
      expect.unreachable();
    } catch (error) {
      expect(String(error)).not.toContain("super-secret-value");
    }
  });
});

describe("parseEndpoint", () => {
  it.each([
    ["vod.tencentcloudapi.com", { protocol: "https://", host: "vod.tencentcloudapi.com" }],
    ["vod.intl.tencentcloudapi.com:8443", { protocol: "https://", host: "vod.intl.tencentcloudapi.com:8443" }],
    ["http://127.0.0.1:4510", { protocol: "http://", host: "127.0.0.1:4510" }],
    ["https://vod.tencentcloudapi.com/", { protocol: "https://", host: "vod.tencentcloudapi.com" }],
  ])("reads %s", (text, endpoint) => {
    expect(parseEndpoint(text)).toEqual(endpoint);
  });

  it.each(["http://user:hunter2@127.0.0.1:4510", "ops:hunter2@vod.tencentcloudapi.com", "https://vod.tencentcloudapi.com/v2?x=hunter2", "ftp://hunter2", "not a host hunter2"])(
    "refuses %s without repeating it", (text) => {
      expect(() => parseEndpoint(text)).toThrow(/^VOD_ENDPOINT /);
      expect(() => parseEndpoint(text)).not.toThrow(/hunter2/);
    });
});
