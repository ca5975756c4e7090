"use client";
import type { StatusCounts } from "@/lib/stats/stats";
import { XCircleIcon } from "../icons";
import { FAILED_COLOR, STATUSES } from "../task-status";
import { labelClass } from "./styles";

/** The status buttons write `status`; Failed and Aborted write the outcome filters the store answers. */
export interface StatusChoice {
  status: string | null;
  outcome: "failed" | null;
  errorCode: string | null;
}

interface StatusFilterProps {
  value: StatusChoice;
  onChange: (choice: StatusChoice) => void;
  /** Counts of the current window, from /api/stats; undefined while loading or unavailable. */
  counts: StatusCounts | undefined;
  /** Failed tasks of the window whose outcome is known (aborts included); undefined while unknown. */
  failedCount: number | undefined;
}

const count = (n: number | undefined) => (n === undefined ? "–" : n.toLocaleString("en-US"));
const NONE: StatusChoice = { status: null, outcome: null, errorCode: null };

/**
 * One button per filterable status with its count, then Failed (`outcome=failed`) and Aborted
 * (`errorCode=ABORTED`): upstream filters on neither, the task store does. The choices exclude
 * each other; a pressed one pressed again goes back to All.
 */
export function StatusFilter({ value, onChange, counts, failedCount }: StatusFilterProps) {
  const total = counts ? Object.values(counts).reduce((sum, n) => sum + n, 0) : undefined;
  // Separate buttons rather than one segmented bar, so that they wrap onto a second line on a phone.
  const segment = (pressed: boolean) =>
    `inline-flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-sm font-medium shadow-xs focus-visible:z-10 focus-visible:outline-2 focus-visible:outline-blue-600 ${
      pressed ? "border-zinc-900 bg-zinc-900 text-white dark:border-zinc-100 dark:bg-zinc-100 dark:text-zinc-900" : "border-zinc-300 bg-white text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"}`;
  // Counts are quieter than labels but keep AA contrast on both the pressed and the plain background.
  const countClass = (pressed: boolean) => `tabular-nums ${pressed ? "text-zinc-300 dark:text-zinc-600" : "text-zinc-600 dark:text-zinc-400"}`;
  const all = value.status === null && value.outcome === null && value.errorCode === null;
  const failed = value.outcome === "failed" && value.status === null && value.errorCode === null;
  const aborted = value.errorCode === "ABORTED" && value.status === null;
  const choose = (pressed: boolean, choice: Partial<StatusChoice>) => onChange(pressed ? NONE : { ...NONE, ...choice });
  return (
    <div role="group" aria-labelledby="status-filter-label" className="flex flex-col gap-1">
      <span id="status-filter-label" className={labelClass}>Status</span>
      <div className="flex flex-wrap items-center gap-x-2 gap-y-1.5">
        <div className="flex flex-wrap gap-1">
          <button type="button" aria-pressed={all} onClick={() => onChange(NONE)} className={segment(all)}>
            All <span className={countClass(all)} data-testid="status-count-ALL">{count(total)}</span>
          </button>
          {STATUSES.filter((status) => status.filterable).map((status) => {
            const Icon = status.icon;
            const pressed = value.status === status.value && value.outcome === null && value.errorCode === null;
            return (
              <button key={status.value} type="button" aria-pressed={pressed} onClick={() => choose(pressed, { status: status.value })}
                className={segment(pressed)} title={status.description}>
                <Icon className="size-3.5" style={{ color: pressed ? undefined : status.color }} />
                {status.label}
                <span className={countClass(pressed)} data-testid={`status-count-${status.value}`}>{count(counts?.[status.value as keyof StatusCounts])}</span>
              </button>
            );
          })}
          <button type="button" aria-pressed={failed} onClick={() => choose(failed, { outcome: "failed" })} className={segment(failed)}
            title="Ended and failed, aborts included, as DescribeTaskDetail says (outcome=failed)" data-testid="failed-filter">
            <XCircleIcon className="size-3.5" style={{ color: failed ? undefined : FAILED_COLOR }} />
            Failed <span className={countClass(failed)} data-testid="status-count-FAILED">{count(failedCount)}</span>
          </button>
        </div>
        <button type="button" aria-pressed={aborted} onClick={() => choose(aborted, { errorCode: "ABORTED" })}
          className={`inline-flex items-center gap-1 rounded px-1 text-xs focus-visible:outline-2 focus-visible:outline-blue-600 ${aborted ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-600 hover:underline dark:text-zinc-400"}`}
          title="Stopped before they finished (errorCode=ABORTED)">
          Aborted <span className={`tabular-nums font-medium ${aborted ? "" : "text-rose-700 dark:text-rose-300"}`} data-testid="status-count-ABORTED">{count(counts?.ABORTED)}</span>
        </button>
      </div>
    </div>
  );
}
