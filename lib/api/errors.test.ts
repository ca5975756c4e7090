import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";

describe("ApiError", () => {
  it("is recognised across copies of the module, by its brand", () => {
    const fromAnotherCopy = Object.assign(new Error("x"), { [Symbol.for("vod-dashboard.ApiError")]: true, code: "RateLimited" });
    expect(fromAnotherCopy instanceof ApiError).toBe(true);
    expect(new Error("plain") instanceof ApiError).toBe(false);
    expect(new ApiError("TaskNotFound", "gone") instanceof ApiError).toBe(true);
  });

  it("says its status and body", () => {
    const error = new ApiError("RateLimited", "slow down", { requestId: "r1", retryAfterSeconds: 2 });
    expect(error.status).toBe(429);
    expect(error.toBody()).toEqual({ error: { code: "RateLimited", message: "slow down", requestId: "r1" } });
  });
});
