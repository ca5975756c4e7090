"use client";
import type { StatusCounts } from "@/lib/stats/stats";
import { STATUSES } from "../task-status";
import { labelClass } from "./styles";

interface StatusFilterProps {
  value: string | null;
  onChange: (value: string | null) => void;
  /** Counts of the current window, from /api/stats; undefined while loading or unavailable. */
  counts: StatusCounts | undefined;
}

const count = (n: number | undefined) => (n === undefined ? "–" : n.toLocaleString("en-US"));

/** One button per filterable status with its count; ABORTED is shown but cannot be filtered upstream. */
export function StatusFilter({ value, onChange, counts }: StatusFilterProps) {
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;
  // Separate buttons rather than one segmented bar, so that they wrap onto a second line on a phone.
  const segment = (pressed: boolean) =>
    `inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-sm font-medium shadow-xs focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-blue-600 ${
      pressed ? "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900" : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"}`;
  // Counts are quieter than labels but keep AA contrast on both the pressed and the plain background.
  const countClass = (pressed: boolean) => `tabular-nums ${pressed ? "text-zinc-300 dark:text-zinc-600" : "text-zinc-600 dark:text-zinc-400"}`;
  return (
    <div role="group" aria-labelledby="status-filter-label" className="flex flex-col gap-1">
      <span id="status-filter-label" className={labelClass}>Status</span>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5">
        <div className="flex flex-wrap gap-1">
          <button type="button" aria-pressed={value === null} onClick={() => onChange(null)} className={segment(value === null)}>
            All <span className={countClass(value === null)} data-testid="status-count-ALL">{count(total)}</span>
          </button>
          {STATUSES.filter((status) => status.filterable).map((status) => {
            const Icon = status.icon;
            const pressed = value === status.value;
            return (
              <button key={status.value} type="button" aria-pressed={pressed} onClick={() => onChange(pressed ? null : status.value)}
                className={segment(pressed)} title={status.description}>
                <Icon className="size-3.5" style={{ color: pressed ? undefined : status.color }} />
                {status.label}
                <span className={countClass(pressed)} data-testid={`status-count-${status.value}`}>{count(counts?.[status.value as keyof StatusCounts])}</span>
              </button>
            );
          })}
        </div>
        <span className="inline-flex items-center gap-1 text-xs text-zinc-600 dark:text-zinc-400" title="Aborted tasks cannot be filtered on upstream">
          Aborted <span className="tabular-nums font-medium text-rose-700 dark:text-rose-300" data-testid="status-count-ABORTED">{count(counts?.ABORTED)}</span>
        </span>
      </div>
    </div>
  );
}
