import "server-only";
import { Counter, Registry } from "prom-client";

/** The dashboard's own metrics registry (not prom-client's global one): what GET /metrics exposes. */
export const metricsRegistry = new Registry();

const upstreamRequests = new Counter({
  name: "vod_upstream_requests_total",
  help: "Attempts at the VOD API by this process, by action and outcome (ok, or the failure's kind).",
  labelNames: ["action", "outcome"] as const,
  registers: [metricsRegistry],
});

/** Counts one upstream attempt; the gateway calls it beside its log line. */
export function countUpstreamAttempt(action: string, outcome: string): void {
  upstreamRequests.inc({ action, outcome });
}
