import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { createRequestBudget } from "./request-budget";
import { withSharedLimiter } from "./shared-budget";

describe("withSharedLimiter", () => {
  it("is the local budget alone without a shared limiter", async () => {
    const budget = withSharedLimiter(createRequestBudget(2), () => undefined);
    expect(budget.maxPerSecond).toBe(2);
    const release = await budget.take(Date.now() + 1_000);
    release();
  });

  it("takes the local slot, then the shared one, and gives the local slot back when the shared budget refuses", async () => {
    const local = createRequestBudget(1, { reservedShare: 0 });
    let refuse = true;
    const budget = withSharedLimiter(local, () => ({
      acquire: async () => {
        if (refuse) throw new ApiError("RateLimited", "spent", { retryAfterSeconds: 1 });
      },
    }));
    await expect(budget.take(Date.now() + 100)).rejects.toMatchObject({ code: "RateLimited" });
    refuse = false;
    // The refused request's local slot was released: this one is granted (after the one-second window).
    const release = await budget.take(Date.now() + 2_000);
    release();
  });
});
