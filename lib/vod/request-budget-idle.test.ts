import { describe, expect, it } from "vitest";
import { BACKFILL, clientCaller, runAs, SYSTEM } from "./caller";
import { createRequestBudget } from "./request-budget";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes slots as `caller` in a loop until `untilMs`, holding each `holdMs`; returns when each was granted. */
async function backfill(budget: ReturnType<typeof createRequestBudget>, lanes: number, untilMs: number, holdMs = 5): Promise<number[]> {
  const grants: number[] = [];
  await Promise.all(Array.from({ length: lanes }, () => runAs(BACKFILL, async () => {
    while (Date.now() < untilMs) {
      let release: () => void;
      try {
        release = await budget.take(Infinity);
      } catch {
        continue; // waited its most: asks again
      }
      grants.push(Date.now());
      await sleep(holdMs);
      release();
    }
  })));
  return grants;
}

describe("the request budget's idle class (the outcome backfill beyond its share)", () => {
  it("gives idle callers the budget nobody else uses, up to the headroom", async () => {
    const budget = createRequestBudget(20, { windowMs: 200, idleHeadroomShare: 0.2 });
    const started = Date.now();
    const grants = await backfill(budget, 8, started + 1_000);
    // 16 of 20 per 200 ms window: about 80/s over the second (the windows follow each release).
    expect(grants.length).toBeGreaterThanOrEqual(60);
    grants.sort((a, b) => a - b);
    for (let i = 16; i < grants.length; i++) expect(grants[i] - grants[i - 16]).toBeGreaterThanOrEqual(199);
  });

  it("serves a viewer arriving while idle callers backfill at once, and the system too", async () => {
    const budget = createRequestBudget(20, { windowMs: 200, idleHeadroomShare: 0.2 });
    const started = Date.now();
    const backfilling = backfill(budget, 8, started + 800);
    await sleep(300); // the window is full of backfill up to the headroom
    const latencies: number[] = [];
    for (let i = 0; i < 3; i++) {
      const asked = Date.now();
      const release = await runAs(clientCaller(`viewer-${i}`), () => budget.take(Date.now() + 5_000));
      latencies.push(Date.now() - asked);
      release();
      const askedBySystem = Date.now();
      const systemRelease = await runAs(SYSTEM, () => budget.take(Date.now() + 5_000));
      latencies.push(Date.now() - askedBySystem);
      systemRelease();
      await sleep(100);
    }
    await backfilling;
    for (const latency of latencies) expect(latency).toBeLessThan(20);
  });

  it("refuses idle callers at once while someone else waits, and when someone arrives; and one that waited its most", async () => {
    const budget = createRequestBudget(4, { windowMs: 1_000, reservedShare: 0, maxClientShare: 1, maxWaitingPerClient: 10 });
    const viewer = clientCaller("viewer");
    const held = await Promise.all(Array.from({ length: 3 }, () => runAs(viewer, () => budget.take(Infinity)))); // idle's cap (3 of 4) is reached
    let started = Date.now();
    const quiet = await runAs({ ...BACKFILL, maxWaitMs: 300 }, () => budget.take(Infinity)).catch((error: unknown) => error);
    expect(quiet).toMatchObject({ code: "RateLimited" }); // nobody else waits, but the headroom is not idle's
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const queued = runAs(BACKFILL, () => budget.take(Infinity)).catch((error: unknown) => error);
    held.push(await runAs(viewer, () => budget.take(Infinity))); // the headroom serves the viewer at once
    started = Date.now();
    const waitingViewer = runAs(viewer, () => budget.take(Date.now() + 5_000)).catch(() => undefined);
    await expect(queued).resolves.toMatchObject({ code: "RateLimited" }); // yields as soon as a viewer waits
    expect(Date.now() - started).toBeLessThan(50);
    started = Date.now();
    const refused = await runAs(BACKFILL, () => budget.take(Infinity)).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "RateLimited" }); // and at once while one waits
    expect(Date.now() - started).toBeLessThan(50);
    for (const release of held) release();
    await waitingViewer;
  });

  it("never exceeds maxPerSecond in any window with idle, system and viewers together (and so never upstream's 100/s per action)", async () => {
    for (const max of [10, 100]) {
      const budget = createRequestBudget(max, { windowMs: 200, maxWaitingPerClient: 100 });
      const starts: number[] = [];
      const until = Date.now() + 700;
      const taker = (caller: Parameters<typeof runAs>[0]) => runAs(caller, async () => {
        while (Date.now() < until) {
          const release = await budget.take(Date.now() + 2_000).catch(() => undefined);
          if (!release) continue;
          starts.push(Date.now());
          await sleep(2);
          release();
        }
      });
      await Promise.all([
        ...Array.from({ length: 12 }, () => taker(BACKFILL)),
        ...Array.from({ length: 4 }, () => taker(SYSTEM)),
        ...Array.from({ length: 6 }, (_, i) => taker(clientCaller(`viewer-${i % 3}`))),
      ]);
      starts.sort((a, b) => a - b);
      expect(starts.length).toBeGreaterThan(max);
      for (let i = max; i < starts.length; i++) expect(starts[i] - starts[i - max]).toBeGreaterThanOrEqual(199);
    }
  });
});
