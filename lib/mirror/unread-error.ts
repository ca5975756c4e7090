import { ApiError } from "@/lib/api/errors";
import type { MirrorView } from "./mirror-view";

/**
 * Stale data beats no data: a mirror's failure becomes an error answer only when it has never
 * read anything. Returns that error (the upstream's own, when it was an ApiError), or undefined.
 */
export function unreadError(mirror: MirrorView): ApiError | undefined {
  if (mirror.hasData || mirror.lastError === undefined) return undefined;
  return mirror.lastError instanceof ApiError ? mirror.lastError : new ApiError("UpstreamUnavailable", "The VOD API could not be read.");
}
