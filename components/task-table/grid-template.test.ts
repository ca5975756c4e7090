import { describe, expect, it } from "vitest";
import { COLUMN_IDS } from "@/lib/client/table-columns";
import { columnsOf } from "./columns";
import { gridStyle, gridTemplates } from "./grid-template";

describe("the table's grid templates", () => {
  it("list the default columns at each width as the table always has", () => {
    expect(gridTemplates(columnsOf(COLUMN_IDS))).toEqual({
      base: "minmax(0,1.6fr) minmax(0,1fr) auto minmax(0,1fr)",
      sm: "minmax(150px,2fr) minmax(90px,1fr) 116px 128px",
      md: "minmax(150px,2fr) minmax(90px,1fr) 116px 128px 72px 80px",
      lg: "minmax(150px,2.2fr) minmax(90px,1fr) 116px minmax(92px,1.1fr) minmax(100px,1.3fr) 128px 72px 80px",
      xl: "minmax(170px,2.2fr) minmax(90px,1fr) 116px minmax(92px,1.1fr) minmax(100px,1.3fr) 128px 128px 72px 80px minmax(110px,1.4fr)",
      "2xl": "minmax(170px,2.2fr) minmax(90px,1fr) 116px minmax(92px,1.1fr) minmax(100px,1.3fr) 128px 128px 128px 72px 80px minmax(110px,1.4fr)",
    });
  });

  it("follow the reader's order and leave hidden columns out, at every width", () => {
    const templates = gridTemplates(columnsOf(["run", "taskId", "status"]));
    expect(templates.sm).toBe("minmax(150px,2fr) 116px");
    expect(templates.md).toBe("80px minmax(150px,2fr) 116px");
    expect(templates["2xl"]).toBe("80px minmax(170px,2.2fr) 116px");
  });

  it("travel as custom properties", () => {
    expect(gridStyle(columnsOf(["taskId"]))).toMatchObject({ "--grid-base": "minmax(0,1.6fr)", "--grid-xl": "minmax(170px,2.2fr)" });
  });
});
