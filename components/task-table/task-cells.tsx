"use client";
import { memo } from "react";
import { between, formatAgeMs, formatDuration, formatTimestamp, NOT_YET } from "@/lib/client/format-time";
import { useClockText } from "@/lib/client/use-now";

/**
 * An absolute time in the view's zone, with its age beneath it; "Not yet" for a time still to come.
 * Rendered into a flex column cell. `zoneReady` is false while the browser's own zone is not known
 * yet (the server's render): the text keeps its place but stays hidden.
 */
export const TimeCell = memo(function TimeCell({ iso, zone, zoneReady }: { iso: string | null; zone: string | undefined; zoneReady: boolean }) {
  if (!iso) return <span className="text-xs italic text-zinc-500 dark:text-zinc-400">{NOT_YET}</span>;
  return (
    <>
      <time dateTime={iso} className={`truncate text-xs tabular-nums ${zoneReady ? "" : "invisible"}`}>{formatTimestamp(iso, zone)}</time>
      <Age iso={iso} />
    </>
  );
});

function Age({ iso }: { iso: string }) {
  const at = Date.parse(iso);
  // Re-renders when the text changes ("12s ago" each second, "3d ago" once a day), not on every tick.
  const text = useClockText((now) => formatAgeMs(now - at), "\u00a0");
  return <span className="text-[11px] text-zinc-500 dark:text-zinc-400">{text}</span>;
}

/**
 * A duration between two times. While the end has not happened and the task is in that phase,
 * the time so far ticks, marked as running so that it is not read as a final figure.
 */
export const DurationCell = memo(function DurationCell({ from, to, live }: { from: string | null; to: string | null; live: boolean }) {
  if (from && !to && live) return <LiveDuration from={from} />;
  const ms = between(from, to);
  return <span className={`font-mono text-xs tabular-nums ${ms === null ? "text-zinc-400 dark:text-zinc-500" : ""}`}>{formatDuration(ms)}</span>;
});

function LiveDuration({ from }: { from: string }) {
  const start = Date.parse(from);
  const text = useClockText((now) => formatDuration(now - start), "…");
  return (
    <span className="font-mono text-xs tabular-nums text-blue-700 dark:text-blue-300" title="Still running: time so far">
      {text}
      <span aria-hidden="true" className="motion-safe:animate-pulse">…</span>
      <span className="sr-only"> so far</span>
    </span>
  );
}

/** Long text cut to its column, whole on hover and in the detail. */
export function TruncatedText({ text, className = "", empty = "—" }: { text: string; className?: string; empty?: string }) {
  if (!text) return <span className="text-zinc-400 dark:text-zinc-500">{empty}</span>;
  return <span title={text} className={`block truncate ${className}`}>{text}</span>;
}
