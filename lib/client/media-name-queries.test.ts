import { describe, expect, it } from "vitest";
import type { QueryObserverResult } from "@tanstack/react-query";
import type { MediaNames } from "@/lib/model/media-names";
import { combineNames, mediaNamesOptions, NAME_BATCH, nameBatches, unknownRetryMs } from "./media-name-queries";

const page = (...fileIds: string[]) => ({ tasks: fileIds.map((fileId) => ({ fileId })) }) as never;

describe("the media names a page asks for", () => {
  it("asks per loaded page, each file once, sorted, at most 100 a batch, and never for an empty FileId", () => {
    expect(nameBatches([page("b", "a", "b", ""), page("c")])).toEqual([["a", "b"], ["c"]]);
    const big = Array.from({ length: 150 }, (_, i) => `f${String(i).padStart(3, "0")}`);
    expect(nameBatches([page(...big)]).map((batch) => batch.length)).toEqual([NAME_BATCH, 50]);
    expect(nameBatches(undefined)).toEqual([]);
  });

  it("keys a batch by app and files, and asks the app's names", () => {
    const options = mediaNamesOptions(1500000002, ["a", "b"]);
    expect(options.queryKey).toEqual(["media-names", 1500000002, "a,b"]);
    expect(mediaNamesOptions(null, []).enabled).toBe(false);
  });

  it("puts every batch's names in one map, unknown files left out", () => {
    const result = (data: MediaNames | undefined) => ({ data }) as QueryObserverResult<MediaNames>;
    const names = combineNames([result({ names: { a: "a.mp4", gone: null }, unknown: ["x"] }), result(undefined), result({ names: { b: "b.mov" }, unknown: [] })]);
    expect([...names]).toEqual([["a", "a.mp4"], ["gone", null], ["b", "b.mov"]]);
  });

  it("asks again for unknown names after 5 s, then twice as long each time, at most every 5 minutes", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 50].map(unknownRetryMs)).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    const options = mediaNamesOptions(null, ["a"]);
    const interval = options.refetchInterval as (query: unknown) => number | false;
    const query = (unknown: string[], dataUpdateCount: number) => ({ state: { data: { names: {}, unknown }, dataUpdateCount } });
    expect(interval(query(["a"], 1))).toBe(5_000);
    expect(interval(query(["a"], 4))).toBe(40_000);
    expect(interval(query([], 4))).toBe(false);
  });
});
