/** The answer of GET /api/health. */
export interface Health {
  status: "ok" | "degraded";
  mode: "emulator" | "live";
  /** The upstream host; never a credential. */
  endpoint: string;
  subAppIds: number[];
  maxRps: number;
  upstream: { ok: boolean; latencyMs: number; error?: { code: string; message: string } };
  checkedAt: string;
  /** The task store, once the server has opened (or failed to open) one. */
  store?: StoreHealth;
}

/** The task store's part of GET /api/health (CONTRACT §6). */
export interface StoreHealth {
  engine: "sqlite" | "postgres";
  /** Whether the last write and the last read succeeded. */
  ok: boolean;
  tasks: number | null;
  /** CreateTime of the oldest task kept. */
  oldest: string | null;
  outcomesKnown: number | null;
  outcomesPending: number | null;
  /** Why it is not ok, in words; never a credential. */
  error?: string;
}
