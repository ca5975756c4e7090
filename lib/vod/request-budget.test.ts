import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { createRequestBudget } from "./request-budget";

function fakeClock() {
  const clock = {
    t: 0,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms);
    },
  };
  return clock;
}

describe("createRequestBudget", () => {
  it("lets maxPerSecond calls through at once, then spaces the rest a window apart", async () => {
    const clock = fakeClock();
    const budget = createRequestBudget(3, clock);
    for (let i = 0; i < 3; i++) await budget.take(10_000);
    expect(clock.slept).toEqual([]);
    await budget.take(10_000);
    await budget.take(10_000);
    expect(clock.slept).toEqual([1000, 1000]);
  });

  it("never allows more than maxPerSecond calls in any one-second window", async () => {
    let t = 0;
    let allowedAt = 0;
    const budget = createRequestBudget(5, {
      now: () => t,
      sleep: async (ms) => {
        allowedAt = t + ms;
      },
    });
    const allowed: number[] = [];
    for (let i = 0; i < 40; i++) {
      t = i * 37; // callers keep arriving faster than the budget allows
      allowedAt = t;
      await budget.take(Infinity);
      allowed.push(allowedAt);
    }
    for (let i = 5; i < allowed.length; i++) expect(allowed[i] - allowed[i - 5]).toBeGreaterThanOrEqual(1000);
    expect(allowed[39]).toBeLessThan(8 * 1000); // and it does not wait longer than it must
  });

  it("refuses with RateLimited and a Retry-After when the slot lies past the deadline", async () => {
    const clock = fakeClock();
    const budget = createRequestBudget(1, clock);
    await budget.take(0);
    const refusal = await budget.take(500).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ code: "RateLimited", status: 429, retryAfterSeconds: 1 });
  });
});
