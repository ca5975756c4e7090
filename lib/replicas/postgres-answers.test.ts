import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, migratedDatabase, postgresBin, startPostgres, type PostgresServer } from "@/lib/testing/postgres-server";
import { createGateway, type SendToUpstream } from "@/lib/vod/gateway";
import { createRequestBudget } from "@/lib/vod/request-budget";
import { postgresAnswers, type PostgresAnswersOptions } from "./postgres-answers";

// Replicas of one store asking the same thing at the same moment: one upstream call between them.

const PAGE = { TaskSet: [{ TaskId: "t1", TaskType: "Procedure", Status: "FINISH" }], ScrollToken: "", RequestId: "r-1" };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let server: PostgresServer;
let url: string;

beforeAll(async () => {
  if (!postgresBin()) return;
  server = await startPostgres({ ports: [5600, 5699] });
  url = await migratedDatabase(server, "shared_answers");
}, 120_000);

afterAll(() => server?.stop());

/** `count` replicas, each a gateway with its own connection to the shared answers, all calling `send`. */
function replicas(count: number, send: (replica: number) => SendToUpstream, storeUrl = url, options?: PostgresAnswersOptions) {
  const stores = Array.from({ length: count }, () => postgresAnswers(storeUrl, options));
  const gateways = stores.map((store, replica) => createGateway({ send: send(replica), budget: createRequestBudget(50), sharedAnswers: () => store,
    retryPolicy: { maxAttempts: 1, baseDelayMs: 1, maxDelayMs: 2 } }));
  return { gateways, close: () => Promise.all(stores.map((store) => store.close())) };
}

describe.skipIf(!postgresBin())("answers shared by replicas in Postgres", () => {
  it("makes one upstream call for identical requests asked at once on three replicas", async () => {
    const calls: number[] = [];
    const { gateways, close } = replicas(3, (replica) => async () => {
      calls.push(replica);
      await sleep(150);
      return PAGE;
    });
    try {
      // Warm every store's connection up, as a running replica's is.
      await Promise.all(gateways.map((gateway, i) => gateway.describeTasks({ Limit: 1, SubAppId: 100 + i })));
      calls.length = 0;
      for (const round of [1, 2, 3]) {
        const request = { Limit: 10, SubAppId: 1, FileId: `round-${round}` };
        const answers = await Promise.all(Array.from({ length: 30 }, (_, i) => gateways[i % 3].describeTasks(request)));
        for (const answer of answers) expect(answer).toMatchObject(PAGE);
        expect(calls).toHaveLength(round);
      }
    } finally {
      await close();
    }
  }, 30_000);

  it("gives the claim up when the claimer's call fails: the replica waiting calls itself at once", async () => {
    const calls: number[] = [];
    // Long claims and waits, so that only the release can let the other replica go in time.
    const { gateways, close } = replicas(2, (replica) => async () => {
      calls.push(replica);
      await sleep(100);
      if (replica === 0) throw Object.assign(new Error("upstream failed"), { code: "InternalError" });
      return PAGE;
    }, url, { claimMs: 20_000, waitMs: 20_000 });
    try {
      await Promise.all(gateways.map((gateway, i) => gateway.describeTasks({ Limit: 1, SubAppId: 200 + i }).catch(() => undefined)));
      calls.length = 0;
      const request = { Limit: 10, SubAppId: 1, FileId: "fails" };
      const failing = gateways[0].describeTasks(request).then(() => "answered", () => "failed");
      await sleep(40);
      const started = Date.now();
      const waiting = await gateways[1].describeTasks(request);
      expect(waiting).toMatchObject(PAGE);
      expect(await failing).toBe("failed");
      expect(calls).toEqual([0, 1]);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await close();
    }
  }, 30_000);

  it("calls upstream on every replica, without an error, when Postgres cannot be reached", async () => {
    let calls = 0;
    const nowhere = `postgres://postgres@127.0.0.1:${await freePort()}/nowhere`;
    const { gateways, close } = replicas(2, () => async () => {
      calls++;
      await sleep(50);
      return PAGE;
    }, nowhere);
    try {
      const started = Date.now();
      const request = { Limit: 10, SubAppId: 1, FileId: "unreachable" };
      const answers = await Promise.all([gateways[0].describeTasks(request), gateways[1].describeTasks(request)]);
      for (const answer of answers) expect(answer).toMatchObject(PAGE);
      expect(calls).toBe(2);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      await close();
    }
  }, 30_000);

  it("never shows a claim to a reader of answers, and removes a claim given up", async () => {
    const store = postgresAnswers(url);
    const pool = new pg.Pool({ connectionString: url });
    try {
      expect(await store.getOrClaim!("claim-me")).toBeUndefined();
      const { rows } = await pool.query<{ body: string; expires: string }>("SELECT body, expires FROM vod_answers WHERE key = 'claim-me'");
      expect(rows).toHaveLength(1);
      expect(rows[0].body).toBe("");
      expect(Number(rows[0].expires)).toBeLessThan(0);
      expect(await store.get("claim-me")).toBeUndefined();
      store.release!("claim-me");
      await sleep(200);
      expect((await pool.query("SELECT 1 FROM vod_answers WHERE key = 'claim-me'")).rowCount).toBe(0);
    } finally {
      await Promise.all([store.close(), pool.end()]);
    }
  }, 30_000);
});
