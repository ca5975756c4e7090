import "server-only";
import type { DatabaseLocation } from "@/lib/config/database-url";
import { logEvent } from "@/lib/log";
import type { MirrorStore } from "@/lib/mirror/mirror-store";
import { recordUpstreamAnswers } from "@/lib/vod/upstream";
import { ApiError } from "@/lib/api/errors";
import { changedSince, latestChange } from "./change-feed";
import { StoreRefused } from "./migrations";
import { openStore } from "./open-store";
import { startRetention } from "./retention";
import { storeRecorder } from "./store-recorder";
import { StoreWriter } from "./store-writer";
import type { TaskStore } from "./task-store";

export interface ProcessStore {
  store: TaskStore;
  writer: StoreWriter;
  /** The mirrors' way to the store. */
  mirrorStore: MirrorStore;
  close(): Promise<void>;
}

/** The process's one store: undefined until main opens it (and in tests that do not). */
let current: ProcessStore | undefined;
/** Why the store could not be opened, for /api/health. */
let failure: { engine: DatabaseLocation["engine"]; error: unknown; since: number } | undefined;

export function processStore(): ProcessStore | undefined {
  return current;
}

export function processStoreFailure(): typeof failure {
  return failure;
}

/** The mirrors' link to whatever store the process has when they ask (one may open after they exist). */
export const processMirrorStore: MirrorStore = {
  syncMarks: async (subAppId) => processStore()?.mirrorStore.syncMarks(subAppId),
  loadWindow: async (subAppId, createdAfter, onBatch) => (await processStore()?.mirrorStore.loadWindow(subAppId, createdAfter, onBatch)) ?? 0,
  saveSyncMarks: (subAppId, marks) => processStore()?.mirrorStore.saveSyncMarks(subAppId, marks),
  latestChange: async (subAppId) => (await opened("latestChange")).latestChange(subAppId),
  changedSince: async (subAppId, since, createdAfter, onBatch) => (await opened("changedSince")).changedSince(subAppId, since, createdAfter, onBatch),
};

/** A follower's reads need the store: without one they fail, and the mirror says so. */
async function opened(what: string): Promise<MirrorStore> {
  const store = processStore();
  if (!store) throw new ApiError("StoreUnavailable", `The task store is unavailable (${what}).`, { retryAfterSeconds: 5 });
  return store.mirrorStore;
}

export function linkStore(store: TaskStore, writer: StoreWriter): MirrorStore {
  return {
    syncMarks: (subAppId) => store.syncMarks(subAppId),
    loadWindow: (subAppId, createdAfter, onBatch) => store.loadMirrorWindow(subAppId, createdAfter, onBatch),
    saveSyncMarks: (subAppId, marks) => writer.syncMarks(subAppId, marks),
    latestChange: (subAppId) => latestChange(store.engine, subAppId),
    changedSince: (subAppId, since, createdAfter, onBatch) => changedSince(store.engine, subAppId, since, createdAfter, onBatch),
  };
}

const RETRY_OPEN_MS = 15_000;
let retry: ReturnType<typeof setTimeout> | undefined;

/**
 * Opens the store once for the process, before any mirror exists, and connects it: from then on
 * every answer the gateway reads is written through, and retention runs in the background.
 * Throws StoreRefused for a database it must not touch; any other failure (a server that is not
 * up yet) is kept for health while the server runs from memory, and opening is retried until it
 * succeeds.
 */
export async function openProcessStore(location: DatabaseLocation, historyDays: number): Promise<ProcessStore | undefined> {
  if (current) return current;
  let store: TaskStore;
  try {
    store = await openStore(location);
  } catch (error) {
    if (error instanceof StoreRefused) throw error;
    if (!failure) logEvent("error", "task store unavailable; running from memory only, retrying", { engine: location.engine, error: error instanceof Error ? error.message : String(error) });
    failure = { engine: location.engine, error, since: failure?.since ?? Date.now() };
    retry = setTimeout(() => void openProcessStore(location, historyDays).catch(() => undefined), RETRY_OPEN_MS);
    retry.unref?.();
    return undefined;
  }
  failure = undefined;
  const writer = new StoreWriter(store);
  recordUpstreamAnswers(storeRecorder(writer));
  const retention = startRetention(store, historyDays);
  current = {
    store, writer, mirrorStore: linkStore(store, writer),
    async close() {
      if (retry) clearTimeout(retry);
      retention.stop();
      recordUpstreamAnswers(undefined);
      await writer.drain();
      writer.stop();
      await store.close();
      current = undefined;
    },
  };
  logEvent("info", "task store ready", { engine: store.kind });
  return current;
}
