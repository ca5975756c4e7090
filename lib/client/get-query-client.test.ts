import { describe, expect, it } from "vitest";
import { ApiRequestError } from "./api-error";
import { shouldRetry } from "./get-query-client";

describe("shouldRetry", () => {
  it("tries once more only when the dashboard's server did not answer at all", () => {
    expect(shouldRetry(0, new ApiRequestError("NetworkError", "The dashboard's server did not answer.", 0))).toBe(true);
    expect(shouldRetry(1, new ApiRequestError("NetworkError", "The dashboard's server did not answer.", 0))).toBe(false);
  });

  it("does not retry what the server already retried (5xx), nor what will not change (4xx)", () => {
    for (const [code, status] of [["UpstreamUnavailable", 502], ["UpstreamTimeout", 504], ["InternalError", 500], ["RateLimited", 429], ["InvalidParameter", 400]] as const) {
      expect(shouldRetry(0, new ApiRequestError(code, "", status))).toBe(false);
    }
    expect(shouldRetry(0, new Error("boom"))).toBe(false);
  });
});
