import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { buildDashboard, buildIsFresh } from "./build-stamp";

// A stand-in for `next build` that does what matters here: it writes a build and, like Next, touches
// tsconfig.json on the way. Whoever built, `npm start` must then find the build fresh.
const FAKE_NEXT = `#!/bin/sh
mkdir -p .next && echo build > .next/BUILD_ID
echo '{"compilerOptions":{},"include":[".next/types/**/*.ts"]}' > tsconfig.json
`;

let root: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "build-stamp-"));
  mkdirSync(path.join(root, "node_modules", ".bin"), { recursive: true });
  writeFileSync(path.join(root, "node_modules", ".bin", "next"), FAKE_NEXT);
  chmodSync(path.join(root, "node_modules", ".bin", "next"), 0o755);
  mkdirSync(path.join(root, "app"));
  writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() { return null; }\n");
  writeFileSync(path.join(root, "tsconfig.json"), '{"compilerOptions":{}}\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the build stamp", () => {
  it("finds a build fresh right after it, even when the build touched its own inputs", () => {
    expect(buildIsFresh(root)).toBe(false);
    buildDashboard(root, "capture");
    expect(buildIsFresh(root)).toBe(true);
  });

  it("finds it stale once the code changes, but not for a test file", () => {
    buildDashboard(root, "capture");
    writeFileSync(path.join(root, "app", "page.test.tsx"), "// a test\n");
    expect(buildIsFresh(root)).toBe(true);
    writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() { return 1; }\n");
    expect(buildIsFresh(root)).toBe(false);
  });

  it("says so when the build fails", () => {
    writeFileSync(path.join(root, "node_modules", ".bin", "next"), "#!/bin/sh\necho broken >&2\nexit 1\n");
    expect(() => buildDashboard(root, "capture")).toThrow(/next build failed:\n[\s\S]*broken/);
    expect(buildIsFresh(root)).toBe(false);
  });
});
