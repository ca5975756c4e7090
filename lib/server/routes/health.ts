import "server-only";
import { currentIdentity, visibleSubAppIds } from "@/lib/auth/identity";
import { serverEnv } from "@/lib/config/server-env";
import { replicaHealth } from "@/lib/replicas/replica-state";
import { storeHealth } from "@/lib/store/store-health";
import { checkHealth } from "@/lib/tasks/check-health";
import { upstream } from "@/lib/vod/upstream";
import { jsonOk } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/**
 * GET /api/health: always 200 while the server runs; the body says whether upstream and the store
 * answer. Open to load balancers, which are not signed in: to them it says nothing but `status`.
 * A signed-in caller sees only the SubAppIds it may.
 */
export const GET = withRoute(async () => {
  const [health, store] = await Promise.all([checkHealth(upstream(), serverEnv()), storeHealth()]);
  const status = store && !store.ok ? "degraded" : health.status;
  if (!currentIdentity()) return jsonOk({ status });
  return jsonOk({ ...health, status, subAppIds: visibleSubAppIds(health.subAppIds), ...(store ? { store } : {}), replica: replicaHealth() });
}, { open: true });
