import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";

describe("ApiError", () => {
  it("says its status and body", () => {
    const error = new ApiError("RateLimited", "slow down", { requestId: "r1", retryAfterSeconds: 2 });
    expect(error.status).toBe(429);
    expect(error.toBody()).toEqual({ error: { code: "RateLimited", message: "slow down", requestId: "r1" } });
  });
});
