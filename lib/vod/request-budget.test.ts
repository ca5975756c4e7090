import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { clientCaller, runAs, SYSTEM } from "./caller";
import { createRequestBudget } from "./request-budget";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("createRequestBudget", () => {
  it("grants maxPerSecond slots at once and the next only a window after one finished", async () => {
    const budget = createRequestBudget(3, { windowMs: 200, reservedShare: 0, maxClientShare: 1 });
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
    const budget = createRequestBudget(5, { windowMs: 100, reservedShare: 0, maxClientShare: 1, maxWaitingPerClient: 100 });
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
    const budget = createRequestBudget(2, { windowMs: 1_000, reservedShare: 0, maxClientShare: 1 });
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
    const budget = createRequestBudget(1, { windowMs: 1_000, reservedShare: 0, maxClientShare: 1 });
    const release = await budget.take(Infinity);
    release(); // the slot frees a whole window after this, within the first caller's deadline
    await expect(budget.take(Date.now() + 2_000)).resolves.toEqual(expect.any(Function));
    // The next frees a window after a release that never comes: this caller's deadline passes first.
    await expect(budget.take(Date.now() + 3_000)).rejects.toMatchObject({ code: "RateLimited" });
  });

  it("keeps the reserved share for the system however many clients wait", async () => {
    const budget = createRequestBudget(10, { windowMs: 10_000, maxWaitingPerClient: 100 });
    const granted: string[] = [];
    const take = (who: string) => runAs(who === "system" ? SYSTEM : clientCaller(who), () => budget.take(Infinity)).then(() => granted.push(who));
    for (let i = 0; i < 20; i++) void take(`flood-${i}`);
    await sleep(10);
    expect(granted).toHaveLength(7); // 10 less the 30 % reserve
    await take("system");
    await take("system");
    await take("system");
    expect(granted.filter((who) => who === "system")).toHaveLength(3);
  });

  it("serves waiting clients in turn: a flood waits behind another client's single request", async () => {
    const budget = createRequestBudget(2, { windowMs: 100, reservedShare: 0, maxWaitingPerClient: 50 });
    const order: string[] = [];
    const take = (who: string) => runAs(clientCaller(who), () => budget.take(Infinity)).then((release) => {
      order.push(who);
      release();
    });
    const flood = Array.from({ length: 10 }, () => take("flood"));
    await sleep(5);
    const viewer = take("viewer");
    await viewer;
    // Two went at once; the viewer came next, ahead of the eight flood requests queued before it.
    expect(order.indexOf("viewer")).toBeLessThanOrEqual(3);
    await Promise.all(flood);
  });

  it("refuses a client's requests at once beyond its fill of waiting ones, and says how many wait", async () => {
    const budget = createRequestBudget(1, { windowMs: 60_000, reservedShare: 0, maxWaitingPerClient: 3 });
    const flood = clientCaller("10.0.0.9");
    await runAs(flood, () => budget.take(Infinity));
    const waiting = Array.from({ length: 3 }, () => runAs(flood, () => budget.take(Infinity)).catch(() => undefined));
    expect(budget.waitingFor(flood.key)).toBe(3);
    const started = Date.now();
    await expect(runAs(flood, () => budget.take(Infinity))).rejects.toMatchObject({ code: "RateLimited" });
    expect(Date.now() - started).toBeLessThan(50);
    expect(budget.waitingFor(clientCaller("10.0.0.10").key)).toBe(0);
    void waiting;
  });

  it("lets one client use at most its share of a window, so a newcomer finds a slot at once", async () => {
    const budget = createRequestBudget(10, { windowMs: 60_000, reservedShare: 0, maxClientShare: 0.5, maxWaitingPerClient: 20 });
    let floodGranted = 0;
    for (let i = 0; i < 10; i++) void runAs(clientCaller("flood"), () => budget.take(Infinity)).then(() => floodGranted++);
    await sleep(10);
    expect(floodGranted).toBe(5);
    const started = Date.now();
    await runAs(clientCaller("viewer"), () => budget.take(Infinity));
    expect(Date.now() - started).toBeLessThan(50);
  });

  it("leaves waiting clients a floor of the budget however much the system wants", async () => {
    const budget = createRequestBudget(10, { windowMs: 100, clientFloorShare: 0.3, maxWaitingPerClient: 20 });
    let systemDone = 0;
    // A fill of the whole window: ten windows' worth of system requests, queued first.
    const fill = Promise.all(Array.from({ length: 100 }, () => runAs(SYSTEM, () => budget.take(Infinity)).then((release) => {
      release();
      systemDone++;
    })));
    await sleep(10);
    expect(systemDone).toBe(10); // nobody else waited: the system used the whole window
    const started = Date.now();
    await runAs(clientCaller("viewer"), () => budget.take(Infinity));
    // The next window, not after the system's ten.
    expect(Date.now() - started).toBeLessThan(400);
    expect(systemDone).toBeLessThan(60);
    await fill;
  });
});
