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
  replica?: ReplicaHealth;
}

/** Which replica this is and which one collects (CONTRACT §8); with SQLite the one process collects. */
export interface ReplicaHealth {
  /** Stable for the process's life (host and pid). */
  id: string;
  role: "collector" | "follower";
  /** The replica holding the collector's lease now; null when none does or the store cannot say. */
  collector: string | null;
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
  /** While it is not ok: since when (ISO 8601 UTC), the first failure of this outage. */
  since?: string;
}
