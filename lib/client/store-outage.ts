import type { Health } from "@/lib/model/health";
import { formatClock, formatTimestamp } from "./format-time";

const DAY_MS = 86_400_000;

/**
 * The banner's sentence while /api/health says the task store fails (`store.ok: false`); null while
 * it answers, or while health has not said. "since" is the server's first failure of the outage,
 * as a clock time in the page's zone (with the date once it is a day old).
 */
export function storeOutageText(health: Health | undefined, zone: string | undefined, nowMs: number): string | null {
  const store = health?.store;
  if (!store || store.ok) return null;
  const sinceMs = store.since ? Date.parse(store.since) : Number.NaN;
  const since = Number.isFinite(sinceMs)
    ? ` since ${nowMs - sinceMs < DAY_MS ? formatClock(sinceMs, zone) : formatTimestamp(store.since ?? null, zone)}`
    : "";
  return `History store unavailable${since}: showing live data from VOD only. Tasks older than 72 hours cannot be shown, `
    + "and new tasks and outcomes are not being saved to history until it recovers.";
}
