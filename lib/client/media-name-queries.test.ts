import { describe, expect, it } from "vitest";
import type { QueryObserverResult } from "@tanstack/react-query";
import type { MediaNames } from "@/lib/model/media-names";
import { combineNames, mediaNamesOptions, NAME_BATCH, nameBatches } from "./media-name-queries";

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
});
