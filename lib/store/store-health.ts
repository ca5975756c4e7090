import "server-only";
import type { StoreHealth } from "@/lib/model/health";
import { isoSeconds } from "@/lib/model/iso-time";
import { processStore, processStoreFailure } from "./process-store";
import type { StoreSummary } from "./task-store";

/**
 * Counting a large store is a scan (seconds of a core for ten million tasks): health answers from
 * a summary at most this old, so a load balancer's probe every few seconds does not keep a core busy.
 * A failed count is tried again at the next probe.
 */
const SUMMARY_MAX_AGE_MS = 60_000;

let summary: { at: number; value: StoreSummary | null; error?: string; failingSince?: number } | undefined;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The store's health, or undefined when this process has no store (as in unit tests). */
export async function storeHealth(nowMs = Date.now()): Promise<StoreHealth | undefined> {
  const opened = processStore();
  if (!opened) {
    const failure = processStoreFailure();
    return failure && { engine: failure.engine, ok: false, tasks: null, oldest: null, outcomesKnown: null, outcomesPending: null, error: describe(failure.error),
      since: isoSeconds(failure.since) };
  }
  if (!summary || nowMs - summary.at > SUMMARY_MAX_AGE_MS || summary.error) {
    try {
      summary = { at: nowMs, value: await opened.store.summary(nowMs) };
    } catch (error) {
      summary = { at: nowMs, value: summary?.value ?? null, error: describe(error), failingSince: summary?.failingSince ?? nowMs };
    }
  }
  const { writer } = opened;
  const error = summary.error ?? (writer.ok ? undefined : describe(writer.lastError));
  const value = summary.value;
  // Since when it has failed: the earlier of the failing read and the failing writes.
  const failingSince = [summary.error ? summary.failingSince : undefined, writer.ok ? undefined : writer.failingSince]
    .filter((at): at is number => at !== undefined);
  return {
    engine: opened.store.kind, ok: error === undefined,
    tasks: value?.tasks ?? null, oldest: value?.oldest ?? null, outcomesKnown: value?.outcomesKnown ?? null, outcomesPending: value?.outcomesPending ?? null,
    ...(error ? { error } : {}),
    ...(error && failingSince.length ? { since: isoSeconds(Math.min(...failingSince)) } : {}),
  };
}
