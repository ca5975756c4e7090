import "server-only";
import type { Gateway } from "@/lib/vod/gateway";
import { upstream } from "@/lib/vod/upstream";
import { Mirror, type MirrorOptions } from "./mirror";
import type { MirrorView } from "./mirror-view";
import { createPacer } from "./pacer";

/** DescribeTaskDetail lookups per second, all mirrors together: a small share of the budget. */
export const DETAIL_LOOKUPS_PER_SECOND = 8;

const KEY = Symbol.for("vod-dashboard.mirrors");

interface Registry {
  mirrors: Map<string, Mirror>;
  options: Partial<MirrorOptions>;
  pacer: ReturnType<typeof createPacer>;
}
type Holder = { [KEY]?: Registry };

function registry(): Registry {
  const holder = globalThis as Holder;
  holder[KEY] ??= { mirrors: new Map(), options: {}, pacer: createPacer(DETAIL_LOOKUPS_PER_SECOND) };
  return holder[KEY];
}

/**
 * The process's mirror of one SubAppId (undefined: the account's default app). Kept on globalThis,
 * like the gateway, because Next.js may evaluate this module once per route bundle and every
 * route must share the same mirrors, syncs and timers.
 */
export function mirrorFor(subAppId: number | undefined): MirrorView {
  return mirrorInstance(subAppId);
}

/** The concrete mirror, for tests and scripts that drive syncs themselves. */
export function mirrorInstance(subAppId: number | undefined): Mirror {
  const { mirrors, options, pacer } = registry();
  const key = String(subAppId ?? "default");
  let mirror = mirrors.get(key);
  if (!mirror) {
    // The gateway is looked up per call, so a test that swaps upstream() reaches existing mirrors.
    const gateway = (): Gateway => upstream();
    mirror = new Mirror({ gateway, pacer, subAppId, ...options });
    mirrors.set(key, mirror);
  }
  return mirror;
}

/** For tests: drops every mirror (stopping its timer) and sets options for the next ones. */
export function resetMirrorsForTests(options: Partial<MirrorOptions> = {}): void {
  const current = registry();
  for (const mirror of current.mirrors.values()) mirror.stop();
  current.mirrors.clear();
  current.options = options;
}
