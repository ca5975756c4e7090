import { currentCaller } from "./caller";
import type { ReleaseSlot, RequestBudget } from "./request-budget";

/**
 * A budget several processes share: resolves when one more upstream request may go, or throws
 * RateLimited by `deadline`. An `idle` request (caller.ts) goes only while the shared window has
 * room beyond a headroom kept for the other replicas' viewers, and is refused at once otherwise.
 */
export interface SharedLimiter {
  acquire(deadline: number, options?: { idle?: boolean }): Promise<void>;
}

/**
 * The process's budget (fair among its callers, see request-budget.ts) in front of a budget all
 * replicas share: a caller first gets its local slot, in its fair turn, then one of the shared
 * ones. Without a shared limiter (SQLite, one process) it is the local budget alone, unchanged.
 */
export function withSharedLimiter(local: RequestBudget, shared: () => SharedLimiter | undefined): RequestBudget {
  return {
    get maxPerSecond() {
      return local.maxPerSecond;
    },
    get maxWaitingPerClient() {
      return local.maxWaitingPerClient;
    },
    waitingFor: (key) => local.waitingFor(key),
    async take(deadline): Promise<ReleaseSlot> {
      const release = await local.take(deadline);
      const limiter = shared();
      if (!limiter) return release;
      try {
        const idle = currentCaller().idle === true;
        await (idle ? limiter.acquire(deadline, { idle }) : limiter.acquire(deadline));
      } catch (error) {
        release();
        throw error;
      }
      return release;
    },
  };
}
