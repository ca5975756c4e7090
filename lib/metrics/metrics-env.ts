import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { redactFromLogs } from "@/lib/log";
import { readAlertQuery } from "@/lib/config/alert-env";
import type { OncallQuery } from "@/lib/oncall/params";

export interface MetricsEnv {
  /** The bearer token /metrics asks for; undefined: loopback clients only. */
  token: string | undefined;
  /** The on-call thresholds vod_oncall_state is judged by (ALERT_QUERY, else the on-call defaults). */
  oncall: OncallQuery;
}

/** Reads METRICS_TOKEN and ALERT_QUERY; an invalid one is an error naming the variable, never the token. */
export function readMetricsEnv(source: Record<string, string | undefined> = process.env, subAppIds: readonly number[] = serverEnv().subAppIds): MetricsEnv {
  const token = source.METRICS_TOKEN?.trim() || undefined;
  if (token !== undefined && (token.length < 16 || !/^[\x21-\x7e]+$/.test(token))) {
    throw new Error("Invalid configuration: METRICS_TOKEN must be at least 16 printable characters without spaces (openssl rand -hex 32)");
  }
  redactFromLogs(token);
  return { token, oncall: readAlertQuery(source, subAppIds).query };
}

let cached: MetricsEnv | undefined;

export function metricsEnv(): MetricsEnv {
  cached ??= readMetricsEnv();
  return cached;
}

/** Lets tests scrape with a METRICS_TOKEN of their choosing; undefined: the environment's. */
export function setMetricsEnvForTests(env: MetricsEnv | undefined): void {
  cached = env;
}
