import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
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
