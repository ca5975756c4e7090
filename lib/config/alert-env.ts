import "server-only";
import { redactFromLogs } from "@/lib/log";
import { parseOncallQuery, type OncallQuery } from "@/lib/oncall/params";

export const RECEIVER_KINDS = ["json", "slack", "wecom", "feishu"] as const;
export type ReceiverKind = (typeof RECEIVER_KINDS)[number];

export interface Receiver {
  kind: ReceiverKind;
  url: URL;
}

export interface AlertEnv {
  receivers: Receiver[];
  /** The on-call thresholds alerts judge by, and the query string their links carry. */
  query: OncallQuery;
  queryString: string;
}

/** ALERT_QUERY: the on-call thresholds alerts and vod_oncall_state are judged by, as in /oncall's URL. */
export function readAlertQuery(source: Record<string, string | undefined>, subAppIds: readonly number[]): { query: OncallQuery; queryString: string } {
  const queryString = source.ALERT_QUERY?.trim().replace(/^\?/, "") ?? "";
  const parsed = parseOncallQuery(new URLSearchParams(queryString), { subAppIds });
  if (!parsed.ok) throw new Error(`Invalid configuration: ALERT_QUERY ${parsed.message}`);
  return { query: parsed.value, queryString };
}

/**
 * ALERT_WEBHOOKS (`kind:URL` entries separated by spaces) and ALERT_QUERY (as in /oncall's URL).
 * A webhook URL is a credential (its path or key is the token): it is kept out of every log line
 * and out of every error message, which names the entry by its position only.
 */
export function readAlertEnv(source: Record<string, string | undefined>, subAppIds: readonly number[]): AlertEnv | undefined {
  const webhooks = source.ALERT_WEBHOOKS?.trim();
  const { query, queryString } = readAlertQuery(source, subAppIds);
  if (!webhooks) return undefined;
  const receivers = webhooks.split(/\s+/).map((entry, index): Receiver => {
    const colon = entry.indexOf(":");
    const kind = entry.slice(0, colon) as ReceiverKind;
    const where = `ALERT_WEBHOOKS entry ${index + 1}`;
    if (colon < 0 || !RECEIVER_KINDS.includes(kind)) throw new Error(`Invalid configuration: ${where} must be kind:URL with kind one of ${RECEIVER_KINDS.join(", ")}`);
    let url: URL;
    try {
      url = new URL(entry.slice(colon + 1));
    } catch {
      throw new Error(`Invalid configuration: ${where} (${kind}) is not a URL`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`Invalid configuration: ${where} (${kind}) must be an http(s) URL`);
    redactFromLogs(url.href);
    redactFromLogs(url.pathname.length >= 8 ? url.pathname : undefined);
    redactFromLogs(url.search || undefined);
    return { kind, url };
  });
  return { receivers, query, queryString };
}
