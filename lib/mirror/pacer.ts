/** Spaces calls evenly at no more than `perSecond`, for work that must stay a small share of the budget. */
export interface Pacer {
  readonly perSecond: number;
  next(): Promise<void>;
}

export function createPacer(perSecond: number, sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))): Pacer {
  const spacingMs = 1_000 / perSecond;
  let nextAt = 0;
  return {
    perSecond,
    async next() {
      const now = Date.now();
      const at = Math.max(now, nextAt);
      nextAt = at + spacingMs;
      if (at > now) await sleep(at - now);
    },
  };
}
