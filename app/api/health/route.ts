import { jsonOk } from "@/lib/api/respond";
import { serverEnv } from "@/lib/config/server-env";
import { checkHealth } from "@/lib/tasks/check-health";
import { upstream } from "@/lib/vod/upstream";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return jsonOk(await checkHealth(upstream(), serverEnv()));
}
