import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { upstreamTask } from "@/lib/testing/fake-gateway";
import { normalizeTask } from "@/lib/vod/normalize-task";
import { FileNamesContext } from "./file-names";
import { COLUMNS, type CellContext } from "./task-table/columns";

const noop = () => {};
const context: CellContext = { zone: "UTC", zoneReady: true, openTask: noop, filterByFile: noop };
const task = normalizeTask(upstreamTask("1500000001-procedurev2-aa", { FileId: "5285890812345678901" }));
const fileCell = (names: Map<string, string | null>) => renderToStaticMarkup(
  <FileNamesContext value={names}>{COLUMNS.fileId.cell(task, context, "")}</FileNamesContext>,
);

describe("the file cell", () => {
  it("shows the file's name, cut to the column and whole in its title, over the FileId", () => {
    const html = fileCell(new Map([["5285890812345678901", "launch-trailer-4k.mp4"]]));
    expect(html).toMatch(/<span title="launch-trailer-4k.mp4" data-testid="file-name" class="block truncate[^"]*">launch-trailer-4k.mp4<\/span>/);
    expect(html.indexOf("launch-trailer-4k.mp4<")).toBeLessThan(html.indexOf("5285890812345678901</button>"));
  });

  it("shows the FileId alone while the name is unknown, or when the app has no such file", () => {
    for (const names of [new Map(), new Map([["5285890812345678901", null]])]) {
      const html = fileCell(names);
      expect(html).not.toContain("file-name");
      expect(html).toContain("5285890812345678901</button>");
    }
  });
});
