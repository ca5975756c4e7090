import { LRUCache } from "lru-cache";

/** Refusals in one second that mark an address as flooding. */
const REFUSALS_PER_SECOND = 100;
/** How long a flooding address's new connections are dropped unanswered. */
const BOX_MS = 2_000;

/**
 * An address that keeps being refused is flooding: answering each of its requests, even with a
 * cheap 429, spends the one thread every viewer shares. For a moment its new connections are
 * closed as soon as they open, before any parsing, and its kept-alive ones are closed after their
 * refusal. It earns its way out by waiting.
 */
export function createPenaltyBox(now: () => number = Date.now) {
  const refusals = new LRUCache<string, { second: number; count: number }>({ max: 10_000 });
  const boxed = new LRUCache<string, true>({ max: 10_000, ttl: BOX_MS, perf: { now } });
  return {
    noteRefusal(address: string): void {
      const second = Math.floor(now() / 1_000);
      const seen = refusals.get(address);
      const count = seen?.second === second ? seen.count + 1 : 1;
      refusals.set(address, { second, count });
      if (count > REFUSALS_PER_SECOND) boxed.set(address, true);
    },
    isBoxed: (address: string): boolean => boxed.has(address),
  };
}

export type PenaltyBox = ReturnType<typeof createPenaltyBox>;
