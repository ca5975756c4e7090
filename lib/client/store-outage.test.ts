import { describe, expect, it } from "vitest";
import type { Health, StoreHealth } from "@/lib/model/health";
import { storeOutageText } from "./store-outage";

const NOW = Date.parse("2026-12-03T14:30:00Z");
const health = (store: Partial<StoreHealth> | undefined): Health => ({
  status: "ok", mode: "emulator", endpoint: "e", subAppIds: [], maxRps: 50, upstream: { ok: true, latencyMs: 1 }, checkedAt: "2026-12-03T14:30:00Z",
  ...(store ? { store: { engine: "sqlite", ok: true, tasks: 1, oldest: null, outcomesKnown: 0, outcomesPending: 0, ...store } } : {}),
});

describe("storeOutageText", () => {
  it("says nothing while the store answers, or while health has not said", () => {
    expect(storeOutageText(health({ ok: true }), "UTC", NOW)).toBeNull();
    expect(storeOutageText(health(undefined), "UTC", NOW)).toBeNull();
    expect(storeOutageText(undefined, "UTC", NOW)).toBeNull();
  });

  it("says since when, in the page's zone, and what is lost meanwhile", () => {
    expect(storeOutageText(health({ ok: false, error: "disk I/O error", since: "2026-12-03T14:02:11Z" }), "UTC", NOW)).toBe(
      "History store unavailable since 14:02:11: showing live data from VOD only. Tasks older than 72 hours cannot be shown, "
      + "and new tasks and outcomes are not being saved to history until it recovers.");
    expect(storeOutageText(health({ ok: false, since: "2026-12-03T14:02:11Z" }), "Asia/Shanghai", NOW)).toMatch(/^History store unavailable since 22:02:11:/);
  });

  it("adds the date to an outage a day old, and leaves out a time the server did not give", () => {
    expect(storeOutageText(health({ ok: false, since: "2026-12-01T09:00:00Z" }), "UTC", NOW)).toMatch(/^History store unavailable since 2026-12-01 09:00:00:/);
    expect(storeOutageText(health({ ok: false }), "UTC", NOW)).toMatch(/^History store unavailable: showing live data/);
  });
});
