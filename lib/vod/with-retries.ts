import type { UpstreamFailure } from "./upstream-failure";

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 2_000 };

/** Full jitter (a random wait up to the exponential step) keeps many retrying callers apart. */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(step / 2 + (random() * step) / 2);
}

export class AttemptFailed extends Error {
  constructor(readonly failure: UpstreamFailure) {
    super(failure.detail);
  }
}

/**
 * Runs `attempt` until it succeeds, fails for good, runs out of attempts, or the next wait would
 * end past the deadline. Throws the last AttemptFailed.
 */
export async function withRetries<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: { deadline: number; policy?: RetryPolicy; now?: () => number; sleep?: (ms: number) => Promise<void>; random?: () => number },
): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY_POLICY;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attemptNumber = 1; ; attemptNumber++) {
    try {
      return await attempt(attemptNumber);
    } catch (error) {
      if (!(error instanceof AttemptFailed) || !error.failure.retryable || attemptNumber >= policy.maxAttempts) throw error;
      // Upstream counts requests per second: after a rate limit, wait for the next second.
      const floor = error.failure.kind === "rate-limited" ? 1_000 : 0;
      const delay = Math.max(floor, backoffDelay(attemptNumber, policy, options.random));
      if (now() + delay >= options.deadline) throw error;
      await sleep(delay);
    }
  }
}
