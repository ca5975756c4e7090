import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { storeHealth } from "@/lib/store/store-health";
import { checkHealth } from "@/lib/tasks/check-health";
import { upstream } from "@/lib/vod/upstream";
import { jsonOk } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/** GET /api/health: always 200 while the server runs; the body says whether upstream and the store answer. */
export const GET = withRoute(async () => {
  const [health, store] = await Promise.all([checkHealth(upstream(), serverEnv()), storeHealth()]);
  if (!store) return jsonOk(health);
  return jsonOk({ ...health, status: store.ok ? health.status : "degraded", store });
});
