import "server-only";
import { currentIdentity, visibleSubAppIds } from "@/lib/auth/identity";
import { serverEnv } from "@/lib/config/server-env";
import { checkHealth } from "@/lib/tasks/check-health";
import { upstream } from "@/lib/vod/upstream";
import { jsonOk } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/**
 * GET /api/health: always 200 while the server runs; the body says whether upstream answers. Open
 * to load balancers, which are not signed in: to them it says nothing but `status`. A signed-in
 * caller sees only the SubAppIds it may.
 */
export const GET = withRoute(async () => {
  const health = await checkHealth(upstream(), serverEnv());
  if (!currentIdentity()) return jsonOk({ status: health.status });
  return jsonOk({ ...health, subAppIds: visibleSubAppIds(health.subAppIds) });
}, { open: true });
