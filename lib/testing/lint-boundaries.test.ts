import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// `npm run lint` holds the layers: these imports, written into files where they do not belong,
// must fail it; the same imports where they do belong must not.
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath });
  return result.messages.filter((message) => message.ruleId === "import/no-restricted-paths").map((message) => message.message);
}

describe("npm run lint's layer rule", () => {
  it.each([
    ["components/bad.tsx", `import { upstream } from "@/lib/vod/upstream";\nexport const x = upstream;\n`, /browser's code/],
    ["lib/client/bad.ts", `import { mirrorFor } from "@/lib/mirror/registry";\nexport const x = mirrorFor;\n`, /browser's code/],
    ["app/bad/page.tsx", `import { listTasks } from "@/lib/tasks/list-tasks";\nexport const x = listTasks;\n`, /page-data-link/],
    ["app/bad/page.tsx", `import { main } from "@/lib/server/main";\nexport const x = main;\n`, /page-data-link/],
    ["lib/mirror/bad.ts", `import { startEmulator } from "@/lib/emulator/server";\nexport const x = startEmulator;\n`, /emulator/],
    ["lib/vod/bad.ts", `import { Dashboard } from "@/app/_dashboard/dashboard";\nexport const x = Dashboard;\n`, /must not import app/],
  ])("refuses %s importing what it must not", async (file, source, message) => {
    const errors = await boundaryErrors(file, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  }, 60_000);

  it.each([
    ["app/bad/page.tsx", `import { pageData } from "@/lib/server/page-data-link";\nexport const x = pageData;\n`],
    ["components/ok.tsx", `import type { Task } from "@/lib/model/task";\nimport { isoSeconds } from "@/lib/model/iso-time";\nexport const x = (t: Task) => isoSeconds(Date.parse(t.createTime ?? ""));\n`],
    ["lib/emulator/ok.ts", `import { startEmulator } from "./server";\nexport const x = startEmulator;\n`],
  ])("lets %s import what it may", async (file, source) => {
    expect(await boundaryErrors(file, source)).toEqual([]);
  }, 60_000);
});
