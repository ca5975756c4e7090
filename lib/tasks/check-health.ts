import "server-only";
import { ApiError } from "@/lib/api/errors";
import type { ServerEnv } from "@/lib/config/server-env";
import type { Health } from "@/lib/model/health";
import type { Gateway } from "@/lib/vod/gateway";

/** Probes the upstream with the cheapest call there is; the answer is shared for a few seconds. */
export async function checkHealth(gateway: Gateway, env: ServerEnv): Promise<Health> {
  const started = performance.now();
  let error: Health["upstream"]["error"];
  try {
    await gateway.describeTasks({ Limit: 1, SubAppId: env.subAppIds[0] }, { maxAgeMs: 5_000 });
  } catch (caught) {
    error = caught instanceof ApiError ? { code: caught.code, message: caught.message } : { code: "InternalError", message: "Health check failed." };
  }
  return {
    status: error ? "degraded" : "ok",
    mode: env.mode,
    endpoint: `${env.endpoint.protocol}${env.endpoint.host}`,
    subAppIds: env.subAppIds,
    maxRps: env.maxRps,
    upstream: { ok: !error, latencyMs: Math.round(performance.now() - started), ...(error ? { error } : {}) },
    checkedAt: new Date().toISOString(),
  };
}
