import { ApiError } from "@/lib/api/errors";

/** Call when the upstream request has finished, successfully or not. */
export type ReleaseSlot = () => void;

export interface RequestBudget {
  /**
   * Waits for a slot. Refuses at once with RateLimited when the queue ahead is longer than what
   * the budget can serve before `deadline` (epoch ms), and later if the deadline passes anyway.
   */
  take(deadline: number): Promise<ReleaseSlot>;
  readonly maxPerSecond: number;
}

/**
 * At most `maxPerSecond` upstream requests in any one-second window, shared by every caller in the
 * process. A slot is held while its request is in flight and for one window after it finished:
 * upstream saw the request before it answered, so however uneven the network latency, upstream
 * never counts more than `maxPerSecond` in a second. (Counting from the moment of sending is not
 * enough: a slow first burst and a fast second one land in the same upstream second.)
 */
export function createRequestBudget(maxPerSecond: number, options: { windowMs?: number; now?: () => number } = {}): RequestBudget {
  const windowMs = options.windowMs ?? 1_000;
  const now = options.now ?? Date.now;
  let inFlight = 0;
  const finishedAt: number[] = [];
  const waiting: Array<{ grant: (release: ReleaseSlot) => void; refuse: (error: ApiError) => void }> = [];
  let wakeUp: ReturnType<typeof setTimeout> | undefined;

  const refusal = (waitMs: number) =>
    new ApiError("RateLimited", `The dashboard's upstream budget of ${maxPerSecond} requests per second is spent; try again shortly.`, {
      retryAfterSeconds: Math.max(1, waitMs / 1000),
    });

  function inUse(t: number): number {
    while (finishedAt.length && finishedAt[0] + windowMs <= t) finishedAt.shift();
    return inFlight + finishedAt.length;
  }

  function release(): void {
    inFlight--;
    finishedAt.push(now());
    serve();
  }

  function serve(): void {
    const t = now();
    while (waiting.length && inUse(t) < maxPerSecond) {
      inFlight++;
      waiting.shift()!.grant(once(release));
    }
    if (waiting.length && finishedAt.length && !wakeUp) {
      wakeUp = setTimeout(() => {
        wakeUp = undefined;
        serve();
      }, Math.max(1, finishedAt[0] + windowMs - t));
    }
  }

  return {
    maxPerSecond,
    take(deadline) {
      const t = now();
      // Each place in the queue is worth about 1/maxPerSecond of a second of waiting.
      const expectedWaitMs = ((waiting.length + Math.max(0, inUse(t) + 1 - maxPerSecond)) / maxPerSecond) * windowMs;
      if (inUse(t) >= maxPerSecond && t + expectedWaitMs > deadline) return Promise.reject(refusal(expectedWaitMs));
      return new Promise<ReleaseSlot>((grant, refuse) => {
        const entry = { grant, refuse };
        waiting.push(entry);
        serve();
        if (!waiting.includes(entry) || !Number.isFinite(deadline)) return;
        const timer = setTimeout(() => {
          const index = waiting.indexOf(entry);
          if (index >= 0) {
            waiting.splice(index, 1);
            refuse(refusal(windowMs));
          }
        }, Math.max(0, deadline - now()));
        entry.grant = (releaseSlot) => {
          clearTimeout(timer);
          grant(releaseSlot);
        };
      });
    },
  };
}

function once(fn: () => void): () => void {
  let called = false;
  return () => {
    if (!called) {
      called = true;
      fn();
    }
  };
}
