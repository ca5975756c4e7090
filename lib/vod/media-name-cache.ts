import { LRUCache } from "lru-cache";
import { runAs, type Caller } from "./caller";
import type { UpstreamMediaInfos } from "./response-shapes";
import type { DescribeMediaInfosRequest } from "./wire";

/** A file's name; null when the app has no such file (or it has no name). */
export type MediaName = string | null;

/**
 * File names are a nicety: they spend only budget nobody else wants (caller.ts `idle`), yield to
 * every viewer and sync, and are refused rather than queued when someone else waits.
 */
export const MEDIA_NAMES: Caller = { key: "media-names", reserved: false, idle: true, maxWaitMs: 2_000 };

/** DescribeMediaInfos takes FileIds.0 to FileIds.19. */
export const MEDIA_INFO_BATCH = 20;
const TTL_MS = 10 * 60_000;
/** Room for about 100,000 names. */
const MAX_BYTES = 16 * 1024 * 1024;

export interface MediaNameCacheOptions {
  /** One DescribeMediaInfos call (the gateway's, in production). */
  lookup: (request: DescribeMediaInfosRequest) => Promise<UpstreamMediaInfos>;
  ttlMs?: number;
  maxBytes?: number;
}

export interface MediaNamesFound {
  /** Every asked file whose name is known now. */
  names: Map<string, MediaName>;
  /** The asked files whose names are not known yet: the lookup failed, was refused or is still running. */
  unknown: string[];
}

export interface MediaNameCache {
  /**
   * The names of `fileIds` in one app: known ones at once, unknown ones looked up 20 to a call
   * (a lookup already running for a file is joined, never repeated). Waits at most `waitMs` for
   * them; a lookup still running then goes on and fills the cache for the next ask. Never fails.
   */
  names(subAppId: number | undefined, fileIds: readonly string[], waitMs?: number): Promise<MediaNamesFound>;
}

export function createMediaNameCache(options: MediaNameCacheOptions): MediaNameCache {
  const known = new LRUCache<string, { name: MediaName }>({
    maxSize: options.maxBytes ?? MAX_BYTES,
    sizeCalculation: (value, key) => 64 + key.length * 2 + (value.name?.length ?? 0) * 2,
    ttl: options.ttlMs ?? TTL_MS,
  });
  const inFlight = new Map<string, Promise<MediaName | undefined>>();
  const keyOf = (subAppId: number | undefined, fileId: string) => `${subAppId ?? ""}/${fileId}`;

  /** One call for up to 20 files; each file's promise resolves to its name, or undefined when not learnt. */
  function lookUp(subAppId: number | undefined, fileIds: string[]): void {
    const request: DescribeMediaInfosRequest = { FileIds: fileIds, Filters: ["basicInfo"], ...(subAppId === undefined ? {} : { SubAppId: subAppId }) };
    const answer = runAs(MEDIA_NAMES, () => options.lookup(request)).then(readNames, () => new Map<string, MediaName>());
    for (const fileId of fileIds) {
      const key = keyOf(subAppId, fileId);
      const name = answer.then((names) => {
        inFlight.delete(key);
        if (!names.has(fileId)) return undefined;
        known.set(key, { name: names.get(fileId)! });
        return names.get(fileId)!;
      });
      inFlight.set(key, name);
    }
  }

  return {
    async names(subAppId, fileIds, waitMs = Infinity) {
      const unique = [...new Set(fileIds)];
      const missing = unique.filter((fileId) => !known.has(keyOf(subAppId, fileId)) && !inFlight.has(keyOf(subAppId, fileId)));
      for (let i = 0; i < missing.length; i += MEDIA_INFO_BATCH) lookUp(subAppId, missing.slice(i, i + MEDIA_INFO_BATCH));
      const pending = unique.map((fileId) => inFlight.get(keyOf(subAppId, fileId))).filter((p) => p !== undefined);
      if (pending.length) await settleWithin(Promise.all(pending), waitMs);
      const names = new Map<string, MediaName>();
      const unknown: string[] = [];
      for (const fileId of unique) {
        const entry = known.get(keyOf(subAppId, fileId));
        if (entry) names.set(fileId, entry.name);
        else unknown.push(fileId);
      }
      return { names, unknown };
    },
  };
}

/** Each file the answer speaks of: its name, or null for one the app does not have. */
function readNames(answer: UpstreamMediaInfos): Map<string, MediaName> {
  const names = new Map<string, MediaName>();
  for (const fileId of answer.NotExistFileIdSet) names.set(fileId, null);
  for (const info of answer.MediaInfoSet) names.set(info.FileId, info.BasicInfo?.Name || null);
  return names;
}

function settleWithin(work: Promise<unknown>, waitMs: number): Promise<void> {
  if (!Number.isFinite(waitMs)) return work.then(() => undefined);
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, waitMs);
    void work.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}
