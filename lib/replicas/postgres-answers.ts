import pg from "pg";
import type { SharedAnswers } from "@/lib/vod/shared-answers";

/** A shared answer that takes longer than this to read is not worth waiting for: upstream is asked. */
const READ_WITHIN_MS = 250;
/** Expired answers (and claims) are removed this often (by whichever replica). */
const SWEEP_EVERY_MS = 60_000;
/** How long a replica's claim on a request keeps the others waiting for its answer, at most. */
const CLAIM_MS = 2_000;
/** The longest a replica waits for another's answer before calling upstream itself. */
const WAIT_MS = 1_000;
/** How often a waiting replica looks for the answer. */
const POLL_MS = 25;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `work`'s result, or undefined once `ms` have passed (or when it fails): the store never holds a caller up for longer. */
async function within<T>(ms: number, work: Promise<T>): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), Math.max(0, ms))));
  try {
    return await Promise.race([work.catch(() => undefined), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * A row of vod_answers is either an answer (`body` its JSON, `expires` when it goes stale) or a
 * claim: a replica fetching that answer right now, `body` empty and `expires` the claim's end,
 * negated. Negative, so that a claim is never an answer to anyone reading `expires > now` (a
 * replica of the version before claims included), and the sweep's `expires < now` removes it.
 * A row is free to claim once its answer or claim has expired.
 */
const CLAIM = `WITH claimed AS (
    INSERT INTO vod_answers (key, body, expires) VALUES ($1, '', $2)
    ON CONFLICT (key) DO UPDATE SET body = '', expires = excluded.expires
      WHERE vod_answers.expires BETWEEN -$3::bigint AND $3::bigint
    RETURNING 1)
  SELECT EXISTS (SELECT 1 FROM claimed) AS claimed, answer.body, answer.expires
  FROM (SELECT 1) AS one LEFT JOIN vod_answers AS answer ON answer.key = $1`;

type Row = { body: string | null; expires: string | null };

/** What a row (as of the statement's start) says: a fresh answer, another's claim still running (until when), or nothing. */
function readRow(row: Row | undefined, now: number): { value: unknown; ttlMs: number } | { claimedUntil: number } | undefined {
  if (!row || row.expires === null || row.body === null) return undefined;
  const expires = Number(row.expires);
  if (expires > now && row.body !== "") {
    try {
      return { value: JSON.parse(row.body) as unknown, ttlMs: expires - now };
    } catch {
      return undefined;
    }
  }
  return expires < -now ? { claimedUntil: -expires } : undefined;
}

export interface PostgresAnswersOptions {
  claimMs?: number;
  waitMs?: number;
  pollMs?: number;
}

/**
 * Upstream answers shared by the replicas of one store, in its Postgres (table vod_answers), for
 * as long as the gateway would keep them itself (a second for a list's page, ten minutes for a
 * finished task's detail): the same view asked on three replicas within a second costs one call.
 * A replica that finds no answer claims the request (one INSERT … ON CONFLICT, so exactly one
 * replica wins) and calls upstream; the others wait for its answer, polling, for at most a second
 * and never past the claim's end, then call themselves. A failed call gives the claim up.
 */
export function postgresAnswers(url: string, options: PostgresAnswersOptions = {}): SharedAnswers & { close(): Promise<void> } {
  const claimMs = options.claimMs ?? CLAIM_MS;
  const waitMs = options.waitMs ?? WAIT_MS;
  const pollMs = options.pollMs ?? POLL_MS;
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: READ_WITHIN_MS, idleTimeoutMillis: 30_000, query_timeout: 2_000 });
  pool.on("error", () => undefined);
  /** The claims this replica holds: key → the claim's `expires`, to give up exactly that claim. */
  const held = new Map<string, number>();
  const sweep = setInterval(() => {
    const now = Date.now();
    void pool.query("DELETE FROM vod_answers WHERE expires < $1 AND NOT expires < $2", [now, -now]).catch(() => undefined);
  }, SWEEP_EVERY_MS);
  sweep.unref?.();

  const answerOf = (row: Row | undefined) => {
    const read = readRow(row, Date.now());
    return read && "value" in read ? read : undefined;
  };

  return {
    async get(key) {
      const result = await within(READ_WITHIN_MS, pool.query<Row>("SELECT body, expires FROM vod_answers WHERE key = $1 AND expires > $2", [key, Date.now()]));
      return answerOf(result?.rows[0]);
    },

    async getOrClaim(key) {
      const started = Date.now();
      const mark = -(started + claimMs);
      // Held from the start: a claim whose statement answers late still lands, and is given up or overwritten.
      held.set(key, mark);
      const first = await within(READ_WITHIN_MS, pool.query<Row & { claimed: boolean }>(CLAIM, [key, mark, started]).then(({ rows }) => rows[0]));
      if (first?.claimed) return undefined;
      if (first && held.get(key) === mark) held.delete(key);
      if (!first) return undefined; // the store is slow or away: call, as without it
      const seen = readRow(first, Date.now());
      if (seen && "value" in seen) return seen;
      // Another replica is fetching it (or claimed it as this statement began): wait for its answer.
      const giveUpAt = Math.min(started + waitMs, seen ? seen.claimedUntil : started + waitMs);
      while (Date.now() + pollMs < giveUpAt) {
        await sleep(pollMs);
        const result = await within(giveUpAt - Date.now(), pool.query<Row>("SELECT body, expires FROM vod_answers WHERE key = $1", [key]));
        const now = Date.now();
        const read = readRow(result?.rows[0], now);
        if (!read) return undefined; // given up, expired, or the store did not answer in time
        if ("value" in read) return read;
      }
      return undefined;
    },

    put(key, value, ttlMs) {
      held.delete(key);
      void pool.query(`INSERT INTO vod_answers (key, body, expires) VALUES ($1, $2, $3)
        ON CONFLICT (key) DO UPDATE SET body = excluded.body, expires = excluded.expires`, [key, JSON.stringify(value), Date.now() + ttlMs]).catch(() => undefined);
    },

    release(key) {
      const mark = held.get(key);
      if (mark === undefined) return;
      held.delete(key);
      void pool.query("DELETE FROM vod_answers WHERE key = $1 AND expires = $2", [key, mark]).catch(() => undefined);
    },

    async close() {
      clearInterval(sweep);
      await pool.end();
    },
  };
}
