import pg from "pg";
import type { SharedAnswers } from "@/lib/vod/shared-answers";

/** A shared answer that takes longer than this to read is not worth waiting for: upstream is asked. */
const READ_WITHIN_MS = 250;
/** Expired answers are removed this often (by whichever replica). */
const SWEEP_EVERY_MS = 60_000;

/**
 * Upstream answers shared by the replicas of one store, in its Postgres (table vod_answers), for
 * as long as the gateway would keep them itself (a second for a list's page, ten minutes for a
 * finished task's detail): the same view asked on three replicas within a second costs one call.
 */
export function postgresAnswers(url: string): SharedAnswers & { close(): Promise<void> } {
  const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: READ_WITHIN_MS, idleTimeoutMillis: 30_000, query_timeout: 2_000 });
  pool.on("error", () => undefined);
  const sweep = setInterval(() => void pool.query("DELETE FROM vod_answers WHERE expires < $1", [Date.now()]).catch(() => undefined), SWEEP_EVERY_MS);
  sweep.unref?.();
  return {
    async get(key) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const late = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), READ_WITHIN_MS)));
      const read = pool.query<{ body: string; expires: string }>("SELECT body, expires FROM vod_answers WHERE key = $1 AND expires > $2", [key, Date.now()])
        .then(({ rows }) => rows[0] && { value: JSON.parse(rows[0].body) as unknown, ttlMs: Number(rows[0].expires) - Date.now() }, () => undefined);
      try {
        return await Promise.race([read, late]);
      } finally {
        clearTimeout(timer);
      }
    },
    put(key, value, ttlMs) {
      void pool.query(`INSERT INTO vod_answers (key, body, expires) VALUES ($1, $2, $3)
        ON CONFLICT (key) DO UPDATE SET body = excluded.body, expires = excluded.expires`, [key, JSON.stringify(value), Date.now() + ttlMs]).catch(() => undefined);
    },
    async close() {
      clearInterval(sweep);
      await pool.end();
    },
  };
}
