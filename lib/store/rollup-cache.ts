import type { SqlEngine, SqlValue } from "./sql-engine";

const MAX_ENTRIES = 64;

/**
 * Answers read from the rollups, per engine, kept while the rollups' version stays the same (it
 * moves with every recompute and every retention, whichever replica did it): a view's whole hours
 * are read once an hour, when its range moves on, not at every poll. Answers from the rows (the
 * partial hours at the edges) are never kept.
 */
export class RollupCache {
  private static readonly perEngine = new WeakMap<SqlEngine, RollupCache>();
  private readonly entries = new Map<string, { version: number; rows: unknown[] }>();

  static of(engine: SqlEngine): RollupCache {
    let cache = RollupCache.perEngine.get(engine);
    if (!cache) RollupCache.perEngine.set(engine, (cache = new RollupCache()));
    return cache;
  }

  async query<Row>(engine: SqlEngine, version: number, sql: string, params: readonly SqlValue[]): Promise<Row[]> {
    const key = `${sql}\u0000${JSON.stringify(params)}`;
    const entry = this.entries.get(key);
    if (entry && entry.version === version) return entry.rows as Row[];
    const rows = await engine.query<Row>(sql, params);
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { version, rows });
    return rows;
  }
}
