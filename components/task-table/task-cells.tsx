"use client";
import { memo, type ReactNode } from "react";
import { between, formatAgeMs, formatDuration, formatTimestamp, NOT_YET } from "@/lib/client/format-time";
import { useClockText } from "@/lib/client/use-now";

/**
 * The cells of a task row. Each renders the `role="cell"` element itself and puts its text straight
 * into it where it can: a row is mounted for every screenful scrolled, and each element it has costs
 * style, layout, paint and garbage collection on every one of those mounts.
 */
const CELL = "min-w-0";
const MUTED = "text-zinc-400 dark:text-zinc-500";

/** A cell of one line of text, cut to its column and whole on hover; "—" when there is none. */
export function TextCell({ text, className = "" }: { text: string; className?: string }) {
  if (!text) return <div role="cell" className={`${CELL} ${MUTED} ${className}`}>—</div>;
  return <div role="cell" title={text} className={`${CELL} truncate ${className}`}>{text}</div>;
}

/** A cell holding other elements (buttons, badges, stacked lines). */
export function Cell({ className = "", children }: { className?: string; children: ReactNode }) {
  return <div role="cell" className={`${CELL} ${className}`}>{children}</div>;
}

/**
 * An absolute time in the view's zone, with its age beneath it; "Not yet" for a time still to come.
 * `zoneReady` is false while the browser's own zone is not known yet (the server's render): the
 * text keeps its place but stays hidden.
 */
export const TimeCell = memo(function TimeCell({ iso, zone, zoneReady, className = "" }: { iso: string | null; zone: string | undefined; zoneReady: boolean; className?: string }) {
  if (!iso) return <div role="cell" className={`${CELL} text-xs italic text-zinc-500 dark:text-zinc-400 ${className}`}>{NOT_YET}</div>;
  // The age is the cell's own text under the <time>, so the cell's colour and size are the age's.
  return (
    <div role="cell" className={`${CELL} flex flex-col text-[11px] leading-tight text-zinc-500 dark:text-zinc-400 ${className}`}>
      <time dateTime={iso} className={`truncate text-xs tabular-nums text-zinc-900 dark:text-zinc-100 ${zoneReady ? "" : "invisible"}`}>
        {formatTimestamp(iso, zone)}
      </time>
      <Age iso={iso} />
    </div>
  );
});

/** "12s ago": re-renders when the text changes (each second, or once a day for "3d ago"), not on every tick. */
export function Age({ iso }: { iso: string }) {
  const at = Date.parse(iso);
  return useClockText((now) => formatAgeMs(now - at), "\u00a0");
}

/**
 * A duration between two times. While the end has not happened and the task is in that phase,
 * the time so far ticks, marked as running so that it is not read as a final figure.
 */
export const DurationCell = memo(function DurationCell({ from, to, live, className = "" }: { from: string | null; to: string | null; live: boolean; className?: string }) {
  const base = `${CELL} font-mono text-xs tabular-nums ${className}`;
  if (from && !to && live) {
    return (
      <div role="cell" className={`${base} text-blue-700 dark:text-blue-300`} title="Still running: time so far">
        <TimeSoFar from={from} />
        <span aria-hidden="true">…</span>
        <span className="sr-only"> so far</span>
      </div>
    );
  }
  const ms = between(from, to);
  return <div role="cell" className={`${base} ${ms === null ? MUTED : ""}`}>{formatDuration(ms)}</div>;
});

function TimeSoFar({ from }: { from: string }) {
  const start = Date.parse(from);
  return useClockText((now) => formatDuration(now - start), "…");
}
