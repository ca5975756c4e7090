import "server-only";
import type { MediaInfoGateway } from "./gateway";
import { createMediaNameCache, type MediaNameCache } from "./media-name-cache";
import { upstreamMediaInfos } from "./upstream";

let cache: MediaNameCache | undefined;
let cachedFor: MediaInfoGateway | undefined;

/**
 * The process's one cache of file names, asking upstream through the process's gateway (its
 * budget, as the idle class, and its retries). The gateway keeps no copy (maxAgeMs 0): the cache does.
 */
export function mediaNames(): MediaNameCache {
  const gateway = upstreamMediaInfos();
  if (!cache || cachedFor !== gateway) {
    cachedFor = gateway;
    cache = createMediaNameCache({
      lookup: (request) => (gateway ? gateway.describeMediaInfos(request, { maxAgeMs: 0 }) : Promise.reject(new Error("no DescribeMediaInfos here"))),
    });
  }
  return cache;
}
