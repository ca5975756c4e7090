import { describe, expect, it } from "vitest";
import { COLUMN_IDS } from "./table-columns";
import { DEFAULT_TABLE_PREFS, parseTablePrefs, visibleColumns, withColumnMoved, withColumnShown } from "./table-prefs";

const stored = (value: unknown) => parseTablePrefs(JSON.stringify(value));

describe("the table preferences kept in localStorage", () => {
  it("are the defaults when nothing or garbage is stored", () => {
    for (const text of [null, "", "{not json", "null", "42", '"compact"', "[]", "{}"]) {
      expect(parseTablePrefs(text), String(text)).toEqual(DEFAULT_TABLE_PREFS);
    }
    expect(stored({ order: "taskId,type", hidden: { type: true }, density: "tiny" })).toEqual(DEFAULT_TABLE_PREFS);
  });

  it("read back what was written", () => {
    const prefs = withColumnShown(withColumnMoved({ ...DEFAULT_TABLE_PREFS, density: "compact" }, "status", -1), "outcome", false);
    expect(parseTablePrefs(JSON.stringify(prefs))).toEqual(prefs);
    expect(visibleColumns(prefs).slice(0, 4)).toEqual(["taskId", "status", "type", "fileId"]);
  });

  it("drop unknown and repeated column ids, and append columns the stored order lacks", () => {
    const prefs = stored({ order: ["run", "gone", "taskId", 7, "run", "type"], hidden: ["gone", "type", null], density: "compact" });
    expect(prefs.order).toEqual(["run", "taskId", "type", ...COLUMN_IDS.filter((id) => !["run", "taskId", "type"].includes(id))]);
    expect(prefs.hidden).toEqual(["type"]);
    expect(prefs.density).toBe("compact");
  });

  it("never hide the task ID", () => {
    expect(stored({ hidden: ["taskId", "wait"] }).hidden).toEqual(["wait"]);
    expect(withColumnShown(DEFAULT_TABLE_PREFS, "taskId", false)).toBe(DEFAULT_TABLE_PREFS);
    expect(visibleColumns(stored({ hidden: COLUMN_IDS }))).toEqual(["taskId"]);
  });

  it("show a hidden column again where it was", () => {
    const hidden = withColumnShown(DEFAULT_TABLE_PREFS, "created", false);
    expect(visibleColumns(hidden)).not.toContain("created");
    expect(visibleColumns(withColumnShown(hidden, "created", true))).toEqual([...COLUMN_IDS]);
  });

  it("move a column one place at a time, and not past either end", () => {
    expect(withColumnMoved(DEFAULT_TABLE_PREFS, "type", 1).order.slice(0, 3)).toEqual(["taskId", "status", "type"]);
    expect(withColumnMoved(DEFAULT_TABLE_PREFS, "taskId", -1)).toBe(DEFAULT_TABLE_PREFS);
    expect(withColumnMoved(DEFAULT_TABLE_PREFS, "session", 1)).toBe(DEFAULT_TABLE_PREFS);
  });
});
