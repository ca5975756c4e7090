import { describe, expect, it } from "vitest";
import { parseTaskQuery } from "@/lib/filters/task-query";
import { filterByFileName } from "./file-name-filter";

const rows = [{ fileId: "a" }, { fileId: "b" }, { fileId: "c" }, { fileId: "d" }, { fileId: "" }];
const names = new Map<string, string | null>([["a", "launch-trailer-4k.mp4"], ["b", "Launch-Teaser.mov"], ["c", "lecture-07.mov"], ["d", null]]);

describe("the file-name filter", () => {
  it("keeps the loaded rows whose known name starts with the prefix, whatever its case", () => {
    expect(filterByFileName(rows, names, "launch")).toEqual([{ fileId: "a" }, { fileId: "b" }]);
    expect(filterByFileName(rows, names, "LAUNCH-T")).toEqual([{ fileId: "a" }, { fileId: "b" }]);
    expect(filterByFileName(rows, names, "lec")).toEqual([{ fileId: "c" }]);
  });

  it("matches a prefix only, never the middle of a name, and never a row whose name is unknown", () => {
    expect(filterByFileName(rows, names, "trailer")).toEqual([]);
    expect(filterByFileName(rows, new Map(), "launch")).toEqual([]);
  });

  it("leaves the rows as they are without a prefix", () => {
    expect(filterByFileName(rows, names, null)).toBe(rows);
  });
});

describe("the fileName parameter", () => {
  const parse = (query: string) => parseTaskQuery(new URLSearchParams(query), { subAppIds: [] });

  it("reads a prefix of up to 128 characters, spaces and any script included", () => {
    expect(parse("fileName=launch")).toMatchObject({ ok: true, value: { fileName: "launch" } });
    expect(parse("fileName=Q4%20town%20hall")).toMatchObject({ ok: true, value: { fileName: "Q4 town hall" } });
    expect(parse(`fileName=${"视".repeat(128)}`)).toMatchObject({ ok: true });
  });

  it.each([`fileName=${"a".repeat(129)}`, "fileName=a%0Ab", "fileName=a&fileName=b"])("refuses %s, naming fileName", (query) => {
    expect(parse(query)).toMatchObject({ ok: false, param: "fileName", message: expect.stringMatching(/^fileName: /) });
  });
});
