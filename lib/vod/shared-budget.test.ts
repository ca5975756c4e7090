import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { BACKFILL, clientCaller, runAs, SYSTEM } from "./caller";
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

describe("withSharedLimiter and idle callers", () => {
  it("asks the shared limiter for an idle slot as idle, and everyone else's as usual", async () => {
    const asked: (boolean | undefined)[] = [];
    const budget = withSharedLimiter(createRequestBudget(10), () => ({
      acquire: async (_deadline: number, options?: { idle?: boolean }) => {
        asked.push(options?.idle);
      },
    }));
    (await runAs(BACKFILL, () => budget.take(Date.now() + 1_000)))();
    (await runAs(SYSTEM, () => budget.take(Date.now() + 1_000)))();
    (await runAs(clientCaller("viewer"), () => budget.take(Date.now() + 1_000)))();
    expect(asked).toEqual([true, undefined, undefined]);
  });
});
