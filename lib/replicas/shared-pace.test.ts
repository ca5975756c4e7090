import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratedDatabase, startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";
import { paceFor, postgresRateLimit } from "./shared-rate-limit";

let server: PostgresServer;
let url: string;

beforeAll(async () => {
  server = await startPostgres({ ports: [5600, 5699] });
  url = await migratedDatabase(server, "shared_pace");
}, 120_000);

afterAll(() => server?.stop());

async function resetPace(): Promise<void> {
  const pool = new pg.Pool({ connectionString: url });
  try {
    await pool.query("DELETE FROM vod_upstream_pace");
  } finally {
    await pool.end();
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the replicas' shared pace on Postgres", () => {
  it("keeps three replicas asking as fast as they can to VOD_MAX_RPS in every second, together", async () => {
    const max = 50;
    await resetPace();
    // Three replicas: a limiter and a connection pool each, all on one store.
    const replicas = [0, 1, 2].map(() => postgresRateLimit(url, max));
    const grants: number[] = [];
    const started = performance.now();
    const runFor = 2_500;
    try {
      await Promise.all(replicas.map(async (limiter) => {
        while (performance.now() - started < runFor) {
          await limiter.acquire(Date.now() + 5_000);
          grants.push(performance.now());
        }
      }));
    } finally {
      await Promise.all(replicas.map((limiter) => limiter.close()));
    }
    grants.sort((a, b) => a - b);
    // The most grants any one second saw (each a window starting at a grant).
    let most = 0;
    for (let i = 0, j = 0; i < grants.length; i++) {
      while (grants[j] < grants[i] - 1_000) j++;
      most = Math.max(most, i - j + 1);
    }
    expect(most).toBeLessThanOrEqual(max);
    // Not the figure (the pace's rate is paceFor's, tested above it): only that the three were kept
    // busy rather than refused, well beyond one replica's own third.
    const seconds = (grants.at(-1)! - started) / 1_000;
    expect(grants.length / seconds).toBeGreaterThan(max / 2);
  }, 30_000);

  it("lets an idle request go only while the pace has slack, refusing it at once otherwise", async () => {
    const max = 50;
    await resetPace();
    const limiter = postgresRateLimit(url, max);
    const { intervalUs } = paceFor(max);
    try {
      const deadline = () => Date.now() + 5_000;
      // Two ordinary requests at once (the second one interval early): the pace is then ahead of the clock.
      await limiter.acquire(deadline());
      await limiter.acquire(deadline());
      const asked = Date.now();
      await expect(limiter.acquire(deadline(), { idle: true })).rejects.toMatchObject({ code: "RateLimited" });
      expect(Date.now() - asked).toBeLessThan(intervalUs / 1_000 * 4); // refused at once: no wait holds up the queue
      // An ordinary request still goes, at its turn.
      await limiter.acquire(deadline());
      // Once the pace has fallen behind the clock by its slack, the idle request goes.
      await sleep((intervalUs / 1_000) * 3);
      await expect(limiter.acquire(deadline(), { idle: true })).resolves.toBeUndefined();
    } finally {
      await limiter.close();
    }
  });
});
