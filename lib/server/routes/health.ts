import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { checkHealth } from "@/lib/tasks/check-health";
import { upstream } from "@/lib/vod/upstream";
import { jsonOk } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/** GET /api/health: always 200 while the server runs; the body says whether upstream answers. */
export const GET = withRoute(async () => jsonOk(await checkHealth(upstream(), serverEnv())));
