import "server-only";
import type { DatabaseLocation } from "@/lib/config/database-url";
import { everyMirror } from "@/lib/mirror/registry";
import { processStore } from "@/lib/store/process-store";
import { shareUpstreamAnswers, shareUpstreamBudget } from "@/lib/vod/upstream";
import { CollectorLease } from "./collector-lease";
import { startFollowLoop } from "./follow-loop";
import { isCollector, REPLICA_ID, adoptCollectorLease } from "./replica-state";
import { postgresAnswers } from "./postgres-answers";
import { postgresRateLimit } from "./shared-rate-limit";

/**
 * With a Postgres store, this process is one of several replicas: it shares the upstream budget
 * with the others, and collects only while it holds the collector's lease; otherwise its mirrors
 * follow the store. With SQLite it is the only one and nothing changes.
 */
export function startReplicas(location: DatabaseLocation, maxRps: number): { stop(): Promise<void> } | undefined {
  if (location.engine !== "postgres") return undefined;
  const limiter = postgresRateLimit(location.url, maxRps);
  shareUpstreamBudget(limiter);
  const answers = postgresAnswers(location.url);
  shareUpstreamAnswers(answers);
  // The lease calls the loop back only once started, below.
  const lease = new CollectorLease({ url: location.url, id: REPLICA_ID, onRole: () => loop.roleChanged(), onChange: (stampMs) => loop.changed(stampMs),
    onWatching: (apps) => loop.watched(apps), mayCollect: () => processStore() !== undefined });
  const loop = startFollowLoop({ mirrors: everyMirror, isCollector, announceWatching: (apps) => lease.announceWatching(apps) });
  adoptCollectorLease(lease);
  lease.start();
  return {
    async stop() {
      loop.stop();
      await lease.stop();
      shareUpstreamBudget(undefined);
      shareUpstreamAnswers(undefined);
      await Promise.all([limiter.close(), answers.close()]);
    },
  };
}
