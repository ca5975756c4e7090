import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Everything `next build` reads. Tests and the emulator do not change the build. */
const INPUTS = ["app", "components", "lib", "public", "next.config.ts", "tsconfig.json", "postcss.config.mjs", "package-lock.json"];
const SKIP = /(\.test\.tsx?$)|(^lib\/emulator\/)|(^lib\/testing\/)/;

function files(root: string, relative: string): string[] {
  const full = path.join(root, relative);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [relative];
  return readdirSync(full).sort().flatMap((name) => files(root, path.posix.join(relative, name)));
}

/** A hash of the build's inputs: when it differs from the one stored with the build, the build is stale. */
export function sourceHash(root: string): string {
  const hash = createHash("sha256");
  for (const file of INPUTS.flatMap((input) => files(root, input)).filter((file) => !SKIP.test(file))) {
    hash.update(file).update("\0").update(readFileSync(path.join(root, file))).update("\0");
  }
  return hash.digest("hex");
}

const stampFile = (root: string) => path.join(root, ".next", "source-hash");

/** Whether .next holds a production build of exactly the code in `root`. */
export function buildIsFresh(root: string): boolean {
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stampFile(root)) && readFileSync(stampFile(root), "utf8") === sourceHash(root);
}

/**
 * `next build`, then the stamp that says which code it built: `npm run build`, `npm start` and the
 * benchmarks all build through here, so none of them builds again what another just built. The hash
 * is taken after the build, which may touch its inputs (Next adds its types to tsconfig.json).
 */
export function buildDashboard(root: string, output: "inherit" | "capture" = "inherit"): void {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
    cwd: root,
    stdio: output === "inherit" ? "inherit" : "pipe",
    encoding: "utf8",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) {
    const tail = output === "capture" ? `:\n${(result.stdout + result.stderr).split("\n").slice(-40).join("\n")}` : "";
    throw new Error(`next build failed${tail}`);
  }
  writeFileSync(stampFile(root), sourceHash(root));
}
