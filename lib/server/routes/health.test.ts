import { afterEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { fakeGateway } from "@/lib/testing/fake-gateway";
import type { Gateway } from "@/lib/vod/gateway";
import { setUpstreamForTests } from "@/lib/vod/upstream";
import { GET } from "./health";

afterEach(() => setUpstreamForTests(undefined));

describe("GET /api/health", () => {
  it("says ok in emulator mode when the upstream answers, and shows no credential", async () => {
    setUpstreamForTests(fakeGateway([]).gateway);
    const response = await GET(new Request("http://dashboard.test/api/health"));
    const body = await response.json();
    expect(body).toMatchObject({ status: "ok", mode: "emulator", endpoint: "http://127.0.0.1:4510", subAppIds: [1500000001, 1500000002], upstream: { ok: true } });
    expect(JSON.stringify(body)).not.toContain("emulator-secret");
  });

  it("says degraded, with the reason, when the upstream fails", async () => {
    const failing: Gateway = { ...fakeGateway([]).gateway, describeTasks: async () => {
      throw new ApiError("UpstreamUnavailable", "The VOD API is unavailable (network error).");
    } };
    setUpstreamForTests(failing);
    const body = await (await GET(new Request("http://dashboard.test/api/health"))).json();
    expect(body).toMatchObject({ status: "degraded", upstream: { ok: false, error: { code: "UpstreamUnavailable" } } });
  });
});
