import pg from "pg";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "@/lib/api/errors";
import type { SharedLimiter } from "@/lib/vod/shared-budget";

/**
 * How late a request may reach upstream after its slot was granted (signing, the event loop, the
 * network): a second at upstream spans this much more of the grants.
 */
const GRANT_TO_UPSTREAM_MS = 100;
/** rate-limiter-flexible's windows are fixed, not sliding: short ones, sized below. */
const SHORT_WINDOW_MS = 100;
/** A store that does not answer this fast is treated as away: the replica falls back to its own share. */
const STORE_ANSWER_MS = 500;
/** While the store is away, each replica spends this share of the budget by itself (three replicas fit). */
const ALONE_SHARE = 1 / 3;
/** The share of each short window idle requests (the outcome backfill beyond its share) leave to everyone else. */
const IDLE_HEADROOM_SHARE = 0.25;

export interface Window {
  points: number;
  durationMs: number;
}

/**
 * Windows whose sum can never exceed `maxPerSecond` in any one second at upstream. Each window
 * starts at its first request, so any span of L ms meets at most ceil(L / d) + 1 windows of d ms
 * (ceil(L / d) when each holds one request, which then are d apart). The price: sustained, about
 * 80 % of maxPerSecond, all replicas together.
 */
export function windowFor(maxPerSecond: number): Window {
  const span = 1_000 + GRANT_TO_UPSTREAM_MS;
  const points = Math.floor(maxPerSecond / (Math.ceil(span / SHORT_WINDOW_MS) + 1));
  if (points >= 2) return { points, durationMs: SHORT_WINDOW_MS };
  return { points: 1, durationMs: Math.ceil(span / maxPerSecond) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withinMs<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("the store did not answer in time")), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * The upstream budget every replica of one store shares, kept by rate-limiter-flexible in the
 * store's Postgres (table vod_rate_limits). Requests ask one at a time per process, in the order
 * the local budget granted them, so the local fairness holds and the store sees one query per
 * request (plus one per short wait). While the store does not answer, the replica spends its own
 * third of the budget.
 */
export function postgresRateLimit(url: string, maxPerSecond: number): SharedLimiter & { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: STORE_ANSWER_MS, idleTimeoutMillis: 30_000 });
  pool.on("error", () => undefined);
  const { points, durationMs } = windowFor(maxPerSecond);
  const shared = new RateLimiterPostgres({ storeClient: pool, storeType: "pool", tableName: "vod_rate_limits", tableCreated: true,
    clearExpiredByTimeout: false, keyPrefix: "vod_upstream", points, duration: durationMs / 1_000 });
  const alone = windowFor(Math.max(1, Math.floor(maxPerSecond * ALONE_SHARE)));
  const fallback = new RateLimiterMemory({ points: alone.points, duration: alone.durationMs / 1_000 });
  let queue: Promise<unknown> = Promise.resolve();
  const idleMost = points - Math.max(1, Math.ceil(points * IDLE_HEADROOM_SHARE));
  const spent = () => new ApiError("RateLimited", `The replicas' shared upstream budget of ${maxPerSecond} requests per second is spent; try again shortly.`,
    { retryAfterSeconds: 1 });

  /** Whether the shared window has room for an idle request; never while the store is away. */
  async function roomForIdle(): Promise<boolean> {
    try {
      const res = await withinMs(shared.get("all"), STORE_ANSWER_MS);
      return (res?.consumedPoints ?? 0) < idleMost;
    } catch {
      return false;
    }
  }

  /** An idle request: one try, only below the headroom, never a wait that would hold up this process's queue. */
  async function acquireIdle(): Promise<void> {
    if (!(await roomForIdle()) || (await consumeOnce()) !== 0) throw spent();
  }

  async function consumeOnce(): Promise<number> {
    try {
      await withinMs(shared.consume("all"), STORE_ANSWER_MS);
      return 0;
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
    }
    try {
      await fallback.consume("all");
      return 0;
    } catch (rejection) {
      return rejection instanceof RateLimiterRes ? Math.max(1, rejection.msBeforeNext) : durationMs;
    }
  }

  async function acquireInTurn(deadline: number): Promise<void> {
    for (;;) {
      const waitMs = await consumeOnce();
      if (waitMs === 0) return;
      if (Date.now() + waitMs > deadline) throw spent();
      await sleep(waitMs);
    }
  }

  return {
    acquire(deadline, options) {
      const turn = queue.then(() => (options?.idle ? acquireIdle() : acquireInTurn(deadline)));
      queue = turn.catch(() => undefined);
      return turn;
    },
    close: () => pool.end(),
  };
}
