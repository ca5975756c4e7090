import { createServer, type Server } from "node:net";
import { afterAll, describe, expect, it, vi } from "vitest";
import { openProcessStore } from "./process-store";
import { storeHealth } from "./store-health";

/** A port that accepts connections and closes them at once: a Postgres that cannot be reached. */
async function refusingPort(): Promise<{ server: Server; port: number }> {
  const server = createServer((socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as { port: number }).port };
}

describe("the store's health while it cannot be opened", () => {
  let server: Server | undefined;
  afterAll(() => {
    vi.useRealTimers();
    server?.close();
  });

  it("says not ok, why, and since the first failed attempt", async () => {
    const refusing = await refusingPort();
    server = refusing.server;
    const before = Math.floor(Date.now() / 1_000) * 1_000;
    const opened = await openProcessStore({ engine: "postgres", url: `postgres://vod@127.0.0.1:${refusing.port}/vod`, password: undefined }, 30);
    expect(opened).toBeUndefined();
    const health = await storeHealth();
    expect(health).toMatchObject({ engine: "postgres", ok: false, tasks: null, error: expect.any(String) });
    expect(Date.parse(health!.since!)).toBeGreaterThanOrEqual(before);
    expect(Date.parse(health!.since!)).toBeLessThanOrEqual(Date.now());
    // A later failed attempt, an hour on, keeps the outage's start.
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 3_600_000);
    await openProcessStore({ engine: "postgres", url: `postgres://vod@127.0.0.1:${refusing.port}/vod`, password: undefined }, 30);
    expect((await storeHealth())!.since).toBe(health!.since);
  });
});
