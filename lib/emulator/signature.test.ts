import { describe, expect, it } from "vitest";
import { signTc3, verifyTc3 } from "./signature";

// Tencent Cloud's worked example from the "Signature v3" document.
const example = {
  secretId: "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE",
  secretKey: "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
  service: "cvm",
  timestamp: 1551113065,
  headers: { "content-type": "application/json; charset=utf-8", host: "cvm.tencentcloudapi.com" },
  payload: '{"Limit": 1, "Filters": [{"Values": ["\\u672a\\u547d\\u540d"], "Name": "instance-name"}]}',
};

describe("signTc3", () => {
  it("reproduces the documented example", () => {
    const s = signTc3(example);
    expect(s.signature).toBe("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    expect(s.authorization).toBe(
      "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, " +
        "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
    );
    expect(s.canonicalRequest).toBe(
      "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\ncontent-type;host\n" +
        "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
    );
  });
});

describe("verifyTc3", () => {
  const keys = new Map([[example.secretId, example.secretKey]]);
  const request = (authorization: string | undefined, over: Partial<{ timestamp: number; host: string; body: string }> = {}) => ({
    method: "POST",
    url: "/",
    headers: {
      authorization,
      "content-type": example.headers["content-type"],
      host: over.host ?? "cvm.tencentcloudapi.com",
      "x-tc-timestamp": String(over.timestamp ?? example.timestamp),
    },
    body: Buffer.from(over.body ?? example.payload),
  });
  const good = signTc3(example).authorization;
  const codeOf = (fn: () => unknown) => {
    try {
      fn();
      return "ok";
    } catch (e) {
      return (e as { code: string }).code;
    }
  };

  it("accepts a good signature and returns the SecretId", () => {
    expect(verifyTc3(request(good), keys, example.timestamp + 10)).toBe(example.secretId);
  });

  it("accepts the Node SDK's habit of signing the host without its port", () => {
    const sdk = signTc3({ ...example, service: "127", headers: { "content-type": "application/json", host: "127.0.0.1" } });
    const req = { ...request(sdk.authorization, { host: "127.0.0.1:4510" }) };
    req.headers["content-type"] = "application/json";
    expect(verifyTc3(req, keys, example.timestamp)).toBe(example.secretId);
  });

  it("names each failure as upstream does", () => {
    const now = example.timestamp;
    expect(codeOf(() => verifyTc3(request(undefined), keys, now))).toBe("AuthFailure.InvalidAuthorization");
    expect(codeOf(() => verifyTc3(request("TC3-HMAC-SHA256 garbage"), keys, now))).toBe("AuthFailure.InvalidAuthorization");
    expect(codeOf(() => verifyTc3(request(good), new Map([["other", "k"]]), now))).toBe("AuthFailure.SecretIdNotFound");
    expect(codeOf(() => verifyTc3(request(good), new Map([[example.secretId, "wrong"]]), now))).toBe("AuthFailure.SignatureFailure");
    expect(codeOf(() => verifyTc3(request(good, { body: "{}" }), keys, now))).toBe("AuthFailure.SignatureFailure");
    expect(codeOf(() => verifyTc3(request(good), keys, now + 301))).toBe("AuthFailure.SignatureExpire");
    expect(codeOf(() => verifyTc3(request(good), keys, now - 301))).toBe("AuthFailure.SignatureExpire");
    expect(codeOf(() => verifyTc3(request(good), keys, now + 300))).toBe("ok");
  });
});
