import "server-only";
import type { Gateway } from "@/lib/vod/gateway";
import { processMirrorStore } from "@/lib/store/process-store";
import { upstream } from "@/lib/vod/upstream";
import { Mirror, type MirrorOptions } from "./mirror";
import type { MirrorView } from "./mirror-view";
import { createPacer } from "./pacer";

/** DescribeTaskDetail lookups per second, all mirrors together: a small share of the budget. */
export const DETAIL_LOOKUPS_PER_SECOND = 8;

const mirrors = new Map<string, Mirror>();
const pacer = createPacer(DETAIL_LOOKUPS_PER_SECOND);
let testOptions: Partial<MirrorOptions> = {};

/** The process's mirror of one SubAppId (undefined: the account's default app). */
export function mirrorFor(subAppId: number | undefined): MirrorView {
  return mirrorInstance(subAppId);
}

/** The concrete mirror, for tests and scripts that drive syncs themselves. */
export function mirrorInstance(subAppId: number | undefined): Mirror {
  const key = String(subAppId ?? "default");
  let mirror = mirrors.get(key);
  if (!mirror) {
    // The gateway is looked up per call, so a test that swaps upstream() reaches existing mirrors.
    const gateway = (): Gateway => upstream();
    mirror = new Mirror({ gateway, pacer, subAppId, store: processMirrorStore, ...testOptions });
    mirrors.set(key, mirror);
  }
  return mirror;
}

/** For tests: drops every mirror (stopping its timer) and sets options for the next ones. */
export function resetMirrorsForTests(options: Partial<MirrorOptions> = {}): void {
  for (const mirror of mirrors.values()) mirror.stop();
  mirrors.clear();
  testOptions = options;
}
