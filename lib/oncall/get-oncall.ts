import "server-only";
import { STATS_WAIT_MS } from "@/lib/mirror/get-stats";
import { mirrorFor } from "@/lib/mirror/registry";
import { unreadError } from "@/lib/mirror/unread-error";
import { worstState } from "./assess";
import { staleAfterMs, type OncallQuery } from "./params";
import { appSnapshot } from "./snapshot";
import type { OncallResponse } from "./types";

/**
 * GET /api/oncall: the on-call screen's data for one SubAppId, or for each configured one. It
 * reads the same server-side mirrors as /api/stats, so however many screens are open, upstream
 * sees one mirror's syncs per SubAppId. Stale data is answered (marked stale); only when no
 * requested app has ever been read does the upstream's failure become an error answer.
 */
export async function getOncall(query: OncallQuery, subAppIds: readonly number[], nowMs: () => number = Date.now): Promise<OncallResponse> {
  const ids: (number | undefined)[] = query.subAppId !== undefined ? [query.subAppId] : subAppIds.length ? [...subAppIds] : [undefined];
  const mirrors = ids.map((id) => mirrorFor(id));
  await Promise.all(mirrors.map((mirror) => mirror.refresh({ waitMs: STATS_WAIT_MS })));
  const unread = mirrors.map(unreadError);
  if (unread.every(Boolean)) throw unread[0];
  const now = nowMs();
  const staleAfter = staleAfterMs(query.refresh);
  const apps = mirrors.map((mirror) => appSnapshot(mirror, query, now, staleAfter));
  return {
    generatedAt: new Date(now).toISOString(),
    thresholds: { waitSlo: query.waitSlo, runSlo: query.runSlo, growth: query.growth, failRate: query.failRate, stall: query.stall, refresh: query.refresh, staleAfterSeconds: staleAfter / 1_000 },
    state: worstState(apps.map((app) => app.state)),
    stuckTotal: apps.reduce((total, app) => total + app.stuck.waitingTotal + app.stuck.processingTotal, 0),
    apps,
  };
}
