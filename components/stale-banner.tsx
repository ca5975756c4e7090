import { describeError } from "@/lib/client/api-error";
import { AlertIcon, RefreshIcon } from "./icons";

/**
 * Says that what is on screen is no longer current, and why. The data stays; polling goes on
 * and clears this by itself once the upstream answers again.
 */
export function StaleBanner({ error, onRetry, retrying }: { error: unknown; onRetry: () => void; retrying: boolean }) {
  return (
    <div role="alert" data-testid="stale-banner"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100">
      <AlertIcon className="size-4 shrink-0 text-amber-600 dark:text-amber-400" />
      <span className="font-medium">Showing stale data: the last refresh failed.</span>
      <span className="min-w-0 flex-1 break-words text-amber-900 dark:text-amber-200" data-testid="stale-reason">{describeError(error)}</span>
      <button type="button" onClick={onRetry} disabled={retrying}
        className="inline-flex items-center gap-1 rounded-md border border-amber-400 bg-white px-2 py-0.5 text-xs font-medium text-amber-900 hover:bg-amber-100 focus-visible:outline-2 focus-visible:outline-amber-600 disabled:opacity-60 dark:border-amber-500/50 dark:bg-transparent dark:text-amber-100 dark:hover:bg-amber-500/20">
        <RefreshIcon className={`size-3.5 ${retrying ? "motion-safe:animate-spin" : ""}`} /> {retrying ? "Retrying…" : "Retry now"}
      </button>
    </div>
  );
}
