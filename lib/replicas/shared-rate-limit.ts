import pg from "pg";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "@/lib/api/errors";
import type { SharedLimiter } from "@/lib/vod/shared-budget";

/**
 * How late a request may reach upstream after its slot was granted (signing, the event loop, the
 * network): a second at upstream spans this much more of the grants.
 */
const GRANT_TO_UPSTREAM_MS = 100;
/** A store that does not answer this fast is treated as away: the replica falls back to its own share. */
const STORE_ANSWER_MS = 500;
/** While the store is away, each replica spends this share of the budget by itself (three replicas fit). */
const ALONE_SHARE = 1 / 3;
/** The share of the pace idle requests (the outcome backfill beyond its share) leave to everyone else. */
const IDLE_HEADROOM_SHARE = 0.25;

/** rate-limiter-flexible's windows are fixed, not sliding: short ones, sized below. */
const SHORT_WINDOW_MS = 100;

/** Fixed windows, for the budget a replica spends alone while the store is away. */
export interface Window {
  points: number;
  durationMs: number;
}

/**
 * Windows whose sum can never exceed `maxPerSecond` in any one second at upstream. Each window
 * starts at its first request, so any span of L ms meets at most ceil(L / d) + 1 windows of d ms
 * (ceil(L / d) when each holds one request, which then are d apart). Sustained, about 80 %.
 */
export function windowFor(maxPerSecond: number): Window {
  const span = 1_000 + GRANT_TO_UPSTREAM_MS;
  const points = Math.floor(maxPerSecond / (Math.ceil(span / SHORT_WINDOW_MS) + 1));
  if (points >= 2) return { points, durationMs: SHORT_WINDOW_MS };
  return { points: 1, durationMs: Math.ceil(span / maxPerSecond) };
}

/** The shared pace (GCRA): a grant every `intervalUs`, up to `toleranceUs` early. */
export interface Pace {
  intervalUs: number;
  toleranceUs: number;
}

/**
 * The pace at which upstream never counts more than `maxPerSecond` in any one second, grants
 * reaching it up to GRANT_TO_UPSTREAM_MS late included. Grants n apart are at least
 * n·interval − tolerance apart, so maxPerSecond + 1 grants span at least
 * maxPerSecond·interval − tolerance, which must not fit in 1 s + the lateness. With the tolerance
 * one interval (a request may go one interval early: no round of waiting for a slot just due),
 * sustained: (maxPerSecond − 1) / 1.1 per second, 80.9 at 90.
 */
export function paceFor(maxPerSecond: number): Pace {
  const spanUs = (1_000 + GRANT_TO_UPSTREAM_MS) * 1_000;
  if (maxPerSecond < 2) return { intervalUs: spanUs, toleranceUs: 0 };
  const intervalUs = Math.ceil(spanUs / (maxPerSecond - 1));
  return { intervalUs, toleranceUs: intervalUs };
}

/** The database's clock in microseconds, read where it is written: every replica's grants on one clock. */
const NOW_US = "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000000 AS BIGINT)";

/**
 * One try for a grant: taken when the pace's next slot is due by now + $2, the next then $1 after
 * the later of that slot and now; otherwise how long until it is due (the row's value before this
 * statement, which the outer SELECT sees). Replicas asking at once queue on the row's lock.
 */
const TRY_GRANT = `WITH granted AS (
    INSERT INTO vod_upstream_pace AS pace (name, next_at_us) VALUES ('upstream', ${NOW_US} + $1)
    ON CONFLICT (name) DO UPDATE SET next_at_us = GREATEST(pace.next_at_us, ${NOW_US}) + $1 WHERE pace.next_at_us <= ${NOW_US} + $2
    RETURNING 1)
  SELECT (SELECT COUNT(*) FROM granted) AS granted, (SELECT next_at_us FROM vod_upstream_pace WHERE name = 'upstream') - $2 - ${NOW_US} AS wait_us`;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function withinMs<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("the store did not answer in time")), ms)));
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * The upstream budget every replica of one store shares: one pace (the generic cell rate
 * algorithm) kept in the store's Postgres (table vod_upstream_pace), each grant one statement.
 * rate-limiter-flexible, which kept it before, has fixed windows only, and windows safe for
 * every second at upstream sustain about 80 % of the budget where this pace sustains 90 %.
 * Requests ask one at a time per process, in the order the local budget granted them, so the
 * local fairness holds. While the store does not answer, the replica spends its own third of the
 * budget.
 */
export function postgresRateLimit(url: string, maxPerSecond: number): SharedLimiter & { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: STORE_ANSWER_MS, idleTimeoutMillis: 30_000 });
  pool.on("error", () => undefined);
  const pace = paceFor(maxPerSecond);
  const alone = windowFor(Math.max(1, Math.floor(maxPerSecond * ALONE_SHARE)));
  const fallback = new RateLimiterMemory({ points: alone.points, duration: alone.durationMs / 1_000 });
  let queue: Promise<unknown> = Promise.resolve();
  // Idle requests go only while the pace is that far behind the clock: alone they take 75 % of it,
  // and the next ordinary request finds its slot due at once.
  const idleSlackUs = Math.ceil(pace.intervalUs * (IDLE_HEADROOM_SHARE / (1 - IDLE_HEADROOM_SHARE)));
  const spent = () => new ApiError("RateLimited", `The replicas' shared upstream budget of ${maxPerSecond} requests per second is spent; try again shortly.`,
    { retryAfterSeconds: 1 });

  /** One try at the shared pace: 0 when granted, else the milliseconds until a slot is due. */
  async function tryShared(toleranceUs: number): Promise<number> {
    const result = await withinMs(pool.query<{ granted: string; wait_us: string | null }>(TRY_GRANT, [pace.intervalUs, toleranceUs]), STORE_ANSWER_MS);
    const [row] = result.rows;
    if (Number(row.granted) > 0) return 0;
    return Math.max(1, Math.ceil(Number(row.wait_us ?? 0) / 1_000));
  }

  /** An idle request: one try, only while the pace has slack, never a wait that would hold up this process's queue. */
  async function acquireIdle(): Promise<void> {
    let waitMs: number;
    try {
      waitMs = await tryShared(-idleSlackUs);
    } catch {
      waitMs = 1; // never while the store is away
    }
    if (waitMs !== 0) throw spent();
  }

  async function consumeOnce(): Promise<number> {
    try {
      return await tryShared(pace.toleranceUs);
    } catch {
      // The store is away: this replica's own share.
    }
    try {
      await fallback.consume("all");
      return 0;
    } catch (rejection) {
      return rejection instanceof RateLimiterRes ? Math.max(1, rejection.msBeforeNext) : alone.durationMs;
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
