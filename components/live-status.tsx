"use client";
import { formatAgeMs, formatClock } from "@/lib/client/format-time";
import { useNow } from "@/lib/client/use-now";
import { controlClass, buttonClass } from "./filter-bar/styles";
import { PauseIcon, PlayIcon } from "./icons";

interface LiveStatusProps<R extends string> {
  updatedAt: number;
  refreshing: boolean;
  stale: boolean;
  refresh: R;
  choices: readonly R[];
  onRefreshChange: (refresh: R) => void;
  paused: boolean;
  onTogglePause: () => void;
  zone: string | undefined;
}

/** "Updated 3s ago", how often, and a pause button (also `p`): always in view, in the sticky bar. */
export function LiveStatus<R extends string>({ updatedAt, refreshing, stale, refresh, choices, onRefreshChange, paused, onTogglePause, zone }: LiveStatusProps<R>) {
  const now = useNow();
  const live = refresh !== "off" && !paused;
  const dot = stale ? "bg-rose-500" : live ? "bg-emerald-500" : "bg-zinc-400";
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="inline-flex min-w-[9.5rem] items-center gap-1.5 text-xs text-zinc-600 dark:text-zinc-400" data-testid="updated-at"
        title={updatedAt ? `Last refreshed at ${formatClock(updatedAt, zone)}` : undefined}>
        <span className={`size-2 rounded-full ${dot} ${refreshing ? "motion-safe:animate-pulse" : ""}`} aria-hidden="true" />
        {updatedAt && now ? <span>Updated {formatAgeMs(now - updatedAt)}</span> : <span>Loading…</span>}
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
