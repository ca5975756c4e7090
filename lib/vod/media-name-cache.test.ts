import { describe, expect, it } from "vitest";
import { currentCaller } from "./caller";
import { createMediaNameCache, MEDIA_INFO_BATCH } from "./media-name-cache";
import type { UpstreamMediaInfos } from "./response-shapes";
import type { DescribeMediaInfosRequest } from "./wire";

const ids = (n: number, prefix = "f") => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** An upstream that names every file `<id>.mp4` except those starting with "gone", and records each call. */
function fakeUpstream() {
  const calls: DescribeMediaInfosRequest[] = [];
  const callers: (string | undefined)[] = [];
  let release: (() => void) | undefined;
  let hold: Promise<void> | undefined;
  let fail = false;
  const lookup = async (request: DescribeMediaInfosRequest): Promise<UpstreamMediaInfos> => {
    calls.push(request);
    callers.push(currentCaller().idle ? "idle" : currentCaller().key);
    if (hold) await hold;
    if (fail) throw new Error("upstream down");
    const present = request.FileIds.filter((id) => !id.startsWith("gone"));
    return {
      MediaInfoSet: present.map((id) => ({ FileId: id, BasicInfo: { Name: `${request.SubAppId ?? "default"}-${id}.mp4` } })),
      NotExistFileIdSet: request.FileIds.filter((id) => id.startsWith("gone")),
      RequestId: "r",
    };
  };
  return {
    calls, callers, lookup,
    holdCalls() { hold = new Promise((resolve) => (release = resolve)); },
    releaseCalls() { hold = undefined; release?.(); },
    failCalls(on: boolean) { fail = on; },
  };
}

describe("the media name cache", () => {
  it("asks upstream 20 ids a call, once per unknown file, and answers later asks from the cache", async () => {
    const upstream = fakeUpstream();
    const cache = createMediaNameCache({ lookup: upstream.lookup });
    const first = await cache.names(1500000001, [...ids(45), "gone1", "f3"]);
    expect(upstream.calls.map((call) => call.FileIds.length)).toEqual([MEDIA_INFO_BATCH, MEDIA_INFO_BATCH, 6]);
    expect(upstream.calls.every((call) => call.SubAppId === 1500000001 && call.Filters?.join() === "basicInfo")).toBe(true);
    expect(first.names.get("f7")).toBe("1500000001-f7.mp4");
    expect(first.names.get("gone1")).toBeNull();
    expect(first.names.size).toBe(46);
    expect(first.unknown).toEqual([]);
    const again = await cache.names(1500000001, ["f7", "gone1", "f50"]);
    expect(upstream.calls.at(-1)!.FileIds).toEqual(["f50"]);
    expect(again.names.get("f7")).toBe("1500000001-f7.mp4");
    expect(upstream.calls).toHaveLength(4);
  });

  it("shares a lookup in flight: concurrent askers of the same files cost one call", async () => {
    const upstream = fakeUpstream();
    const cache = createMediaNameCache({ lookup: upstream.lookup });
    upstream.holdCalls();
    const askers = [cache.names(7, ids(10)), cache.names(7, ids(10)), cache.names(7, ids(5))];
    upstream.releaseCalls();
    const answers = await Promise.all(askers);
    expect(upstream.calls).toHaveLength(1);
    expect(answers.map((answer) => answer.names.size)).toEqual([10, 10, 5]);
  });

  it("keeps each app's names apart: the same FileId in another app is asked of that app", async () => {
    const upstream = fakeUpstream();
    const cache = createMediaNameCache({ lookup: upstream.lookup });
    await cache.names(1, ["f1"]);
    const other = await cache.names(2, ["f1"]);
    expect(upstream.calls.map((call) => call.SubAppId)).toEqual([1, 2]);
    expect(other.names.get("f1")).toBe("2-f1.mp4");
  });

  it("spends only idle budget: every lookup runs as the idle class", async () => {
    const upstream = fakeUpstream();
    await createMediaNameCache({ lookup: upstream.lookup }).names(undefined, ids(30));
    expect(upstream.callers).toEqual(["idle", "idle"]);
    expect(upstream.calls.every((call) => !("SubAppId" in call))).toBe(true);
  });

  it("leaves names unknown when the lookup fails, never failing the asker, and asks again next time", async () => {
    const upstream = fakeUpstream();
    const cache = createMediaNameCache({ lookup: upstream.lookup });
    upstream.failCalls(true);
    const failed = await cache.names(1, ["f1", "f2"]);
    expect(failed.names.size).toBe(0);
    expect(failed.unknown).toEqual(["f1", "f2"]);
    upstream.failCalls(false);
    expect((await cache.names(1, ["f1"])).names.get("f1")).toBe("1-f1.mp4");
    expect(upstream.calls).toHaveLength(2);
  });

  it("answers within waitMs with what it knows; the lookup goes on and fills the cache", async () => {
    const upstream = fakeUpstream();
    const cache = createMediaNameCache({ lookup: upstream.lookup });
    upstream.holdCalls();
    const early = await cache.names(1, ["f1"], 0);
    expect(early.unknown).toEqual(["f1"]);
    const waiting = cache.names(1, ["f1"]);
    upstream.releaseCalls();
    expect((await waiting).names.get("f1")).toBe("1-f1.mp4");
    expect(upstream.calls).toHaveLength(1);
  });
});
