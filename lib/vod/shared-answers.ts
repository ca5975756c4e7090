/**
 * Answers several processes share (replicas of one store): one replica's upstream answer serves
 * the same request on the others while it is fresh, as the gateway's own cache does within one.
 */
export interface SharedAnswers {
  /** A fresh answer to `key` and how long it stays fresh, or undefined (none, expired, or the store did not answer in time). */
  get(key: string): Promise<{ value: unknown; ttlMs: number } | undefined>;
  /** Keeps `value` for `ttlMs`; never waits for the store, never fails the caller. */
  put(key: string, value: unknown, ttlMs: number): void;
}
