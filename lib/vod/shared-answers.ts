/**
 * Answers several processes share (replicas of one store): one replica's upstream answer serves
 * the same request on the others while it is fresh, as the gateway's own cache does within one.
 */
export interface SharedAnswers {
  /** A fresh answer to `key` and how long it stays fresh, or undefined (none, expired, or the store did not answer in time). */
  get(key: string): Promise<{ value: unknown; ttlMs: number } | undefined>;
  /** Keeps `value` for `ttlMs`; never waits for the store, never fails the caller. */
  put(key: string, value: unknown, ttlMs: number): void;
  /**
   * One call for the same request on every replica: a fresh answer to `key`, waiting briefly
   * (a bounded time) for one another replica is fetching right now; or undefined, and then the
   * caller fetches it itself and must `put` the answer or `release` the key. Whoever gets
   * undefined may have taken the key (the others then wait for its answer). Never fails.
   */
  getOrClaim?(key: string): Promise<{ value: unknown; ttlMs: number } | undefined>;
  /** Gives up this process's claim on `key` (its call failed), so the others waiting call themselves at once. */
  release?(key: string): void;
}
