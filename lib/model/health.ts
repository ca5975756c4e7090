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
}
