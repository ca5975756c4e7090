import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "@/lib/store/migrations";
import { openPostgres } from "@/lib/store/postgres-engine";
import { startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";
import { postgresRateLimit } from "./shared-rate-limit";

let server: PostgresServer;
let url: string;

beforeAll(async () => {
  server = await startPostgres({ ports: [5600, 5699] });
  url = await server.database("idle_limit");
  const engine = openPostgres(url);
  await migrate(engine);
  await engine.close?.();
}, 120_000);

afterAll(() => server?.stop());

describe("the replicas' shared budget and idle requests", () => {
  it("lets an idle request go only below the headroom of the short window, refusing it at once above", async () => {
    // VOD_MAX_RPS 50: 4 requests per 100 ms window; idle ones may bring it to 3, never 4.
    const limiter = postgresRateLimit(url, 50);
    const pool = new pg.Pool({ connectionString: url });
    try {
      await pool.query("DELETE FROM vod_rate_limits");
      const deadline = () => Date.now() + 5_000;
      await limiter.acquire(deadline()); // warms the pool's connection up
      // Fill a fresh window to the headroom with ordinary requests; again if the queries straddled two windows.
      let refusedIn = Infinity;
      for (let tries = 0; tries < 5 && !Number.isFinite(refusedIn); tries++) {
        await new Promise((resolve) => setTimeout(resolve, 150));
        const filling = Date.now();
        for (let i = 0; i < 3; i++) await limiter.acquire(deadline());
        const asked = Date.now();
        const idle = await limiter.acquire(deadline(), { idle: true }).then(() => "granted", () => "refused");
        if (asked - filling > 50) continue; // the window may have turned meanwhile: not a fair test
        expect(idle).toBe("refused");
        refusedIn = Date.now() - asked;
      }
      expect(refusedIn).toBeLessThan(100); // refused at once: no wait holds up the process's queue
      // An ordinary request still gets the headroom.
      await limiter.acquire(deadline());
      // A new window: the idle request goes.
      await new Promise((resolve) => setTimeout(resolve, 150));
      await expect(limiter.acquire(deadline(), { idle: true })).resolves.toBeUndefined();
    } finally {
      await pool.end();
      await limiter.close();
    }
  });
});
