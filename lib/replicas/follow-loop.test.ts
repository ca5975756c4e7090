import { afterEach, describe, expect, it, vi } from "vitest";
import type { Mirror } from "@/lib/mirror/mirror";
import { startFollowLoop } from "./follow-loop";

function fakeMirror(subAppId: number, lastAskedAt: number) {
  const calls = { sync: 0, refresh: 0, followBack: [] as number[] };
  const mirror = {
    subAppId, lastAskedAt,
    sync: async () => void calls.sync++,
    refresh: async () => void calls.refresh++,
    followBackTo: (ms: number) => void calls.followBack.push(ms),
  };
  return { mirror: mirror as unknown as Mirror, calls };
}

afterEach(() => vi.useRealTimers());

describe("the follow loop", () => {
  it("on a follower: reads the store on a notified write (reading back to its time) and on a timer, and tells the collector what its viewers watch", async () => {
    vi.useFakeTimers();
    const now = Date.now();
    const watched = fakeMirror(1, now - 1_000);
    const idle = fakeMirror(2, -Infinity);
    const announced: string[][] = [];
    const loop = startFollowLoop({ mirrors: () => [watched.mirror, idle.mirror], isCollector: () => false, announceWatching: (apps) => announced.push(apps), now: () => now });
    loop.changed(now - 7_000);
    await vi.advanceTimersByTimeAsync(150);
    expect(watched.calls).toMatchObject({ sync: 1, followBack: [now - 7_000] });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(watched.calls.sync).toBe(2);
    // Said once, not at every look: at most every 4 s.
    expect(announced).toEqual([["1"]]);
    loop.watched(["1"]);
    expect(watched.calls.refresh).toBe(0);
    loop.stop();
  });

  it("on the collector: syncs the apps other replicas' viewers watch, and no store reads", async () => {
    vi.useFakeTimers();
    const one = fakeMirror(1, -Infinity);
    const two = fakeMirror(2, -Infinity);
    const loop = startFollowLoop({ mirrors: () => [one.mirror, two.mirror], isCollector: () => true });
    loop.watched(["2"]);
    loop.changed(Date.now());
    await vi.advanceTimersByTimeAsync(5_000);
    expect(one.calls).toMatchObject({ refresh: 0, sync: 0 });
    expect(two.calls).toMatchObject({ refresh: 1, sync: 0 });
    loop.stop();
  });
});
