import { ApiError } from "@/lib/api/errors";
import type { CoverageState } from "./compute-stats";
import { isoSeconds } from "@/lib/model/iso-time";

export interface CoverageInput {
  filled: boolean;
  tasks: number;
  syncedAt: number | null;
  failure: { error: unknown; at: number } | null;
  nowMs: number;
  /** Past this age data is called stale even without an error (e.g. a sync that hangs). */
  staleAfterMs: number;
  /** Started from the store: what it held, and when the sync it came from left off. */
  catchingUp?: { loaded: number; since: number } | null;
  /** The view reaches back past the 72 hours the mirror holds. */
  beyondWindow?: boolean;
}

/** The mirror's reason for a view reaching past its 72 hours: the older part is the task store's to count. */
export const BEYOND_WINDOW_REASON = "the last 72 hours only: the task store, which counts older history, is unavailable";

const count = (n: number) => n.toLocaleString("en-US");

function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : "unexpected error";
}

/** Whether an answer counts the whole window, and if not, why, in words a viewer can act on. */
export function describeCoverage(input: CoverageInput): CoverageState {
  const syncedAt = input.syncedAt === null ? null : isoSeconds(input.syncedAt);
  if (!input.filled) {
    const failed = input.failure ? `; the last attempt failed (${errorText(input.failure.error)}), retrying` : "";
    return { complete: false, syncedAt, reason: `filling: ${count(input.tasks)} tasks so far${failed}` };
  }
  if (input.catchingUp) {
    const { loaded, since } = input.catchingUp;
    const failed = input.failure ? `; the last attempt failed (${errorText(input.failure.error)}), retrying` : "";
    return { complete: false, syncedAt, reason: `catching up: ${count(loaded)} tasks from the store, reading what changed since ${isoSeconds(since)}${failed}` };
  }
  if (input.failure) {
    return { complete: false, syncedAt, reason: `the last sync failed (${errorText(input.failure.error)}); showing data as of ${syncedAt}` };
  }
  if (input.syncedAt !== null && input.nowMs - input.syncedAt > input.staleAfterMs) {
    return { complete: false, syncedAt, reason: `catching up: the data is ${Math.round((input.nowMs - input.syncedAt) / 1_000)} s old` };
  }
  // Last: a view past the mirror's 72 hours is complete once the task store's part is added (lib/tasks/stats-history.ts).
  if (input.beyondWindow) return { complete: false, syncedAt, reason: BEYOND_WINDOW_REASON };
  return { complete: true, syncedAt };
}
