import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { createRequestBudget } from "./request-budget";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createRequestBudget", () => {
  it("grants maxPerSecond slots at once and the next only a window after one finished", async () => {
    const budget = createRequestBudget(3, { windowMs: 200 });
    const releases = await Promise.all([budget.take(Infinity), budget.take(Infinity), budget.take(Infinity)]);
    let fourthAt = 0;
    const started = Date.now();
    const fourth = budget.take(Infinity).then((release) => {
      fourthAt = Date.now() - started;
      return release;
    });
    await sleep(100);
    expect(fourthAt).toBe(0); // all three still in flight
    releases[0]();
    (await fourth)();
    expect(fourthAt).toBeGreaterThanOrEqual(290); // 100 ms in flight + the 200 ms window after it finished
  });

  it("never has more than maxPerSecond requests started within one window, however long they take", async () => {
    const budget = createRequestBudget(5, { windowMs: 100 });
    const starts: number[] = [];
    await Promise.all(Array.from({ length: 30 }, async (_, i) => {
      const release = await budget.take(Infinity);
      starts.push(Date.now());
      await sleep(i % 3 === 0 ? 30 : 1); // uneven latency
      release();
    }));
    starts.sort((a, b) => a - b);
    for (let i = 5; i < starts.length; i++) expect(starts[i] - starts[i - 5]).toBeGreaterThanOrEqual(99);
  });

  it("refuses at once with RateLimited and a Retry-After when the queue cannot be served before the deadline", async () => {
    const budget = createRequestBudget(2, { windowMs: 1_000 });
    await budget.take(Infinity);
    await budget.take(Infinity);
    const started = Date.now();
    const refusal = await budget.take(Date.now() + 200).catch((error: unknown) => error);
    expect(Date.now() - started).toBeLessThan(50);
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ code: "RateLimited", status: 429 });
    expect((refusal as ApiError).retryAfterSeconds).toBeGreaterThanOrEqual(1);
  });

  it("gives a waiting caller up when its deadline passes", { timeout: 10_000 }, async () => {
    const budget = createRequestBudget(1, { windowMs: 1_000 });
    const release = await budget.take(Infinity);
    release(); // the slot frees a whole window after this, within the first caller's deadline
    await expect(budget.take(Date.now() + 2_000)).resolves.toEqual(expect.any(Function));
    // The next frees a window after a release that never comes: this caller's deadline passes first.
    await expect(budget.take(Date.now() + 3_000)).rejects.toMatchObject({ code: "RateLimited" });
  });
});
