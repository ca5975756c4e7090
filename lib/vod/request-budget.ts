import { ApiError } from "@/lib/api/errors";

export interface RequestBudget {
  /** Waits for a slot; refuses at once when the slot lies beyond `deadline` (epoch ms). */
  take(deadline: number): Promise<void>;
  readonly maxPerSecond: number;
}

const WINDOW_MS = 1_000;

/**
 * At most `maxPerSecond` calls in any one-second window, shared by every caller in the process.
 * A sliding window rather than a token bucket: a bucket lets a full burst plus a second's refill
 * through in one second, which at 90/s would cross upstream's 100/s. Slots are reserved in order,
 * so waiting callers are served first come, first served.
 */
export function createRequestBudget(
  maxPerSecond: number,
  clock: { now(): number; sleep(ms: number): Promise<void> } = systemClock,
): RequestBudget {
  const slots = new Array<number>(maxPerSecond).fill(-Infinity);
  let oldest = 0;
  return {
    maxPerSecond,
    async take(deadline) {
      const now = clock.now();
      const slot = Math.max(now, slots[oldest] + WINDOW_MS);
      if (slot > deadline) {
        throw new ApiError("RateLimited", `The dashboard's upstream budget of ${maxPerSecond} requests per second is spent; try again shortly.`, {
          retryAfterSeconds: (slot - now) / 1000,
        });
      }
      slots[oldest] = slot;
      oldest = (oldest + 1) % maxPerSecond;
      if (slot > now) await clock.sleep(slot - now);
    },
  };
}

export const systemClock = {
  now: () => Date.now(),
  sleep: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};
