import "server-only";
import type { Gateway } from "@/lib/vod/gateway";
import { outcomeIdleLookups, outcomeLookupsPerHour } from "@/lib/config/outcome-env";
import { knownOutcomes } from "@/lib/store/known-outcomes";
import { collectorTerm, isCollector } from "@/lib/replicas/replica-state";
import { processMirrorStore, processStore } from "@/lib/store/process-store";
import { upstream } from "@/lib/vod/upstream";
import { Mirror, type MirrorOptions } from "./mirror";
import type { MirrorView } from "./mirror-view";
import { createPacer, type Pacer } from "./pacer";

/** DescribeTaskDetail lookups per second, all mirrors together: a small share of the budget. */
export const DETAIL_LOOKUPS_PER_SECOND = 8;

const mirrors = new Map<string, Mirror>();
const pacer = createPacer(DETAIL_LOOKUPS_PER_SECOND);
/** The background outcome lookups' pace, all mirrors together: VOD_OUTCOME_LOOKUPS_PER_HOUR once they start. */
let outcomePace: Pacer = pacer;
const outcomePacer: Pacer = {
  get perSecond() {
    return outcomePace.perSecond;
  },
  next: () => outcomePace.next(),
};
let outcomeLookupsOn = false;
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
    mirror = new Mirror({
      gateway, pacer, subAppId, store: processMirrorStore, outcomePacer, outcomeIdleWorkers: outcomeIdleLookups(), collecting: isCollector, collectorTerm,
      storedOutcomes: async (app, ids) => {
        const opened = processStore();
        return opened ? knownOutcomes(opened.store, app, ids) : [];
      },
      ...testOptions,
    });
    mirrors.set(key, mirror);
    if (outcomeLookupsOn) mirror.startOutcomeLookups();
  }
  return mirror;
}

/** Every mirror the process has made so far. */
export function everyMirror(): Iterable<Mirror> {
  return mirrors.values();
}

/**
 * Starts the background outcome lookups (every finished task's outcome, once) in a mirror of
 * each of `subAppIds`, and in every mirror made later. Off when VOD_OUTCOME_LOOKUPS_PER_HOUR is 0.
 */
export function startOutcomeLookups(subAppIds: readonly (number | undefined)[]): void {
  const perHour = outcomeLookupsPerHour();
  if (perHour <= 0) return;
  if (!outcomeLookupsOn) outcomePace = createPacer(perHour / 3_600);
  outcomeLookupsOn = true;
  for (const mirror of mirrors.values()) mirror.startOutcomeLookups();
  for (const subAppId of subAppIds.length > 0 ? subAppIds : [undefined]) mirrorInstance(subAppId).startOutcomeLookups();
}

/** For tests: drops every mirror (stopping its timer and lookups) and sets options for the next ones. */
export function resetMirrorsForTests(options: Partial<MirrorOptions> = {}): void {
  for (const mirror of mirrors.values()) {
    mirror.stop();
    mirror.stopOutcomeLookups();
  }
  mirrors.clear();
  outcomeLookupsOn = false;
  outcomePace = pacer;
  // A test's pacer paces the outcome lookups too, unless it gives them their own.
  testOptions = options.pacer && !options.outcomePacer ? { ...options, outcomePacer: options.pacer } : options;
}
