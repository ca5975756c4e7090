"use client";
import { describeError } from "@/lib/client/api-error";
import { formatAgeMs, formatClock } from "@/lib/client/format-time";
import { useNow } from "@/lib/client/use-now";
import { controlClass, buttonClass } from "./filter-bar/styles";
import { PauseIcon, PlayIcon } from "./icons";

interface LiveStatusProps<R extends string> {
  updatedAt: number;
  refreshing: boolean;
  /** The upstream (or the server) is failing: what, and since when. */
  failing: { error: unknown; since: number } | null;
  refresh: R;
  choices: readonly R[];
  onRefreshChange: (refresh: R) => void;
  paused: boolean;
  onTogglePause: () => void;
  zone: string | undefined;
}

/**
 * "Updated 3s ago", how often, and a pause button (also `p`): always in view, in the sticky bar.
 * Green only while the view is live and current; when loading or refreshing fails it says so, since
 * when, and whether it is retrying, in red.
 */
export function LiveStatus<R extends string>({ updatedAt, refreshing, failing, refresh, choices, onRefreshChange, paused, onTogglePause, zone }: LiveStatusProps<R>) {
  const now = useNow();
  const live = refresh !== "off" && !paused;
  const dot = failing ? "bg-rose-500" : live && updatedAt ? "bg-emerald-500" : "bg-zinc-400";
  const lastRefreshed = updatedAt ? `Last refreshed at ${formatClock(updatedAt, zone)}` : "Nothing loaded yet";
  const retry = !live ? (refresh === "off" ? "not retrying: refresh is off" : "not retrying: paused") : refreshing ? "retrying now" : `retrying every ${refresh}`;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className={`inline-flex min-w-[9.5rem] flex-wrap items-center gap-x-1.5 text-xs ${failing ? "font-medium text-rose-700 dark:text-rose-300" : "text-zinc-600 dark:text-zinc-400"}`}
        data-testid="updated-at" data-state={failing ? "failing" : updatedAt ? "ok" : "loading"}
        title={failing ? `${describeError(failing.error)} · ${lastRefreshed}` : updatedAt ? lastRefreshed : undefined}>
        <span className={`size-2 rounded-full ${dot} ${refreshing ? "motion-safe:animate-pulse" : ""}`} aria-hidden="true" />
        {failing ? (
          <span>Failing since {formatClock(failing.since, zone)} · {retry}</span>
        ) : updatedAt && now ? <span>Updated {formatAgeMs(now - updatedAt)}</span> : <span>Loading…</span>}
        {paused ? <span className="font-medium text-amber-700 dark:text-amber-300">· paused</span> : null}
      </span>
      <label htmlFor="refresh-interval" className="sr-only">Refresh interval</label>
      <select id="refresh-interval" value={refresh} onChange={(event) => onRefreshChange(event.target.value as R)} className={`${controlClass} w-[7.25rem]`}>
        {choices.map((choice) => <option key={choice} value={choice}>{choice === "off" ? "Off" : `Every ${choice}`}</option>)}
      </select>
      <button type="button" onClick={onTogglePause} aria-pressed={paused} disabled={refresh === "off"}
        className={`${buttonClass} w-8 justify-center px-0`} aria-label={paused ? "Resume polling (p)" : "Pause polling (p)"} title={paused ? "Resume (p)" : "Pause (p)"}>
        {paused ? <PlayIcon className="size-3.5" /> : <PauseIcon className="size-3.5" />}
      </button>
    </div>
  );
}
