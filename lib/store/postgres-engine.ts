import { createHash } from "node:crypto";
import pg from "pg";
import type { SqlEngine, SqlValue, Statement } from "./sql-engine";

const INT8 = 20;

/** `?` placeholders as Postgres numbers them; the store's SQL has no `?` inside string literals. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const named = new Map<string, pg.QueryConfig>();

/**
 * A statement prepared once per connection and reused (a 200-row upsert is parsed and planned
 * once, not at every flush), named after its text; the store's statements come in a few shapes.
 */
function prepared(sql: string, params: readonly SqlValue[]): pg.QueryConfig {
  let config = named.get(sql);
  if (!config) {
    config = { name: `vod_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`, text: numbered(sql) };
    if (named.size > 200) named.clear();
    named.set(sql, config);
  }
  return { ...config, values: params as SqlValue[] };
}

/**
 * The shared engine: a small pg pool. BIGINT columns hold epoch milliseconds and counts, far below
 * 2^53, so they are read as numbers. A lost connection fails the calls that used it; the pool
 * opens a new one for the next, so the store recovers when the server returns.
 */
export function openPostgres(url: string): SqlEngine {
  const pool = new pg.Pool({
    connectionString: url,
    // A transaction left open by a process that froze (SIGSTOP, a suspended VM) or vanished is ended by the
    // server, so that its locks (the sync marks' FOR SHARE on the collector's lease) do not hold up the others.
    options: "-c idle_in_transaction_session_timeout=10000",
    max: 4,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    types: { getTypeParser: ((oid: number, format?: string) => (oid === INT8 ? Number : pg.types.getTypeParser(oid, format as "text"))) as typeof pg.types.getTypeParser },
  });
  // An idle client's error (the server went away) must not crash the process.
  pool.on("error", () => undefined);
  return {
    kind: "postgres",
    async query<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await pool.query(prepared(sql, params));
      return result.rows as Row[];
    },
    async slowQuery<Row>(sql: string, params: readonly SqlValue[] = []) {
      const result = await pool.query(prepared(sql, params));
      return result.rows as Row[];
    },
    async queryArrays(sql: string, params: readonly SqlValue[] = []) {
      const result = await pool.query({ ...prepared(sql, params), rowMode: "array" });
      return result.rows as SqlValue[][];
    },
    async transaction(statements: readonly Statement[]) {
      const client = await pool.connect();
      let broken: unknown;
      try {
        await client.query("BEGIN");
        for (const { sql, params = [] } of statements) await client.query(prepared(sql, params));
        await client.query("COMMIT");
      } catch (error) {
        broken = error;
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release(broken instanceof Error && !("code" in broken) ? broken : undefined);
      }
    },
    async close() {
      await pool.end();
    },
  };
}
