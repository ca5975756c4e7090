import { describe, expect, it } from "vitest";
import { pageTitle, screenState, turnedRed, type ScreenInput } from "./screen-state";
import type { OncallApp, OncallResponse } from "./types";

const NOW = Date.UTC(2026, 11, 1, 12, 0, 0);

function response(apps: Partial<OncallApp>[], state: OncallResponse["state"] = "green", stuckTotal = 0): OncallResponse {
  return {
    generatedAt: new Date(NOW).toISOString(),
    thresholds: { waitSlo: 600, runSlo: 3_600, growth: 25, failRate: 10, stall: 120, refresh: "10s", staleAfterSeconds: 30 },
    state, stuckTotal,
    apps: apps.map((app) => ({ stale: false, dataAgeSeconds: 2, reasons: [], ...app }) as OncallApp),
  };
}

const input = (change: Partial<ScreenInput>): ScreenInput => ({
  nowMs: NOW, data: response([{}]), receivedAtMs: NOW - 1_000, fetchError: null, staleAfterMs: 30_000, ...change,
});

describe("the screen's state", () => {
  it("is the server's when polls succeed and the data is young", () => {
    expect(screenState(input({ data: response([{}], "amber", 2) }))).toEqual({ state: "amber", stale: false, staleReason: null, lastGoodMs: NOW - 3_000, stuckTotal: 2 });
  });

  it("is stale and red when the last poll failed, keeping when it last succeeded", () => {
    const screen = screenState(input({ fetchError: "NetworkError: The dashboard's server did not answer.", receivedAtMs: NOW - 20_000 }));
    expect(screen).toMatchObject({ state: "red", stale: true, lastGoodMs: NOW - 22_000 });
    expect(screen.staleReason).toBe("The dashboard's server is not answering (NetworkError: The dashboard's server did not answer.)");
  });

  it("is stale when no answer came for longer than three refreshes, even without an error", () => {
    expect(screenState(input({ receivedAtMs: NOW - 27_000 })).stale).toBe(false);
    expect(screenState(input({ receivedAtMs: NOW - 27_000 })).staleReason).toBeNull();
    expect(screenState(input({ receivedAtMs: NOW - 31_000 })).staleReason).toBe("Data is stale: no update for 33s");
  });

  it("takes the server's own staleness, the upstream failing", () => {
    const data = response([{}, { stale: true, dataAgeSeconds: 45, reasons: [{ level: "red", kind: "stale", text: "Data is stale: upstream failing (UpstreamUnavailable)" }] }], "red");
    expect(screenState(input({ data }))).toMatchObject({ stale: true, state: "red", lastGoodMs: NOW - 46_000,
      staleReason: "Data is stale: upstream failing (UpstreamUnavailable)" });
  });

  it("has nothing to show before the first answer, and says so when it failed", () => {
    expect(screenState(input({ data: undefined, receivedAtMs: 0 }))).toMatchObject({ stale: false, lastGoodMs: null });
    expect(screenState(input({ data: undefined, receivedAtMs: 0, fetchError: "UpstreamUnavailable: down" }))).toMatchObject({ stale: true, state: "red", staleReason: "No data: UpstreamUnavailable: down" });
  });
});

describe("the page title", () => {
  it.each([
    [null, "VOD on-call"],
    [{ state: "green", stale: false, stuckTotal: 0 }, "🟢 OK · VOD on-call"],
    [{ state: "amber", stale: false, stuckTotal: 0 }, "🟠 WARN · VOD on-call"],
    [{ state: "red", stale: false, stuckTotal: 3 }, "🔴 3 stuck · VOD on-call"],
    [{ state: "red", stale: true, stuckTotal: 3 }, "⚠ STALE · 3 stuck · VOD on-call"],
    [{ state: "red", stale: true, stuckTotal: 0 }, "⚠ STALE · VOD on-call"],
  ] as const)("%j → %s", (screen, title) => {
    expect(pageTitle(screen && { ...screen, staleReason: null, lastGoodMs: null })).toBe(title);
  });
});

describe("when to notify", () => {
  it.each([
    [undefined, "red", false], ["green", "red", true], ["amber", "red", true], ["red", "red", false], ["red", "green", false], ["green", "amber", false],
  ] as const)("%s → %s: %s", (previous, next, expected) => expect(turnedRed(previous, next)).toBe(expected));
});
