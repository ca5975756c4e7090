import { isoSeconds } from "@/lib/model/iso-time";
import type { FilterPatch } from "./view-query";

/**
 * "Around this time": a chart's bucket as the view's time filter, fixed (absolute) so the link
 * keeps showing that bucket. Created buckets narrow the creation time, finish buckets the finish time.
 */
export function bucketFilter(startIso: string, bucketSeconds: number, field: "created" | "finished"): FilterPatch | null {
  const start = Date.parse(startIso);
  if (!Number.isFinite(start) || !(bucketSeconds > 0)) return null;
  const after = isoSeconds(start);
  const before = isoSeconds(start + bucketSeconds * 1_000);
  return field === "created" ? { createdAfter: after, createdBefore: before } : { finishedAfter: after, finishedBefore: before };
}
