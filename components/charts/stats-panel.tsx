"use client";
import { useCallback } from "react";
import { describeError } from "@/lib/client/api-error";
import { formatAgeMs, formatTimestamp, localizeTimes } from "@/lib/client/format-time";
import { PHONE_QUERY, useMediaQuery } from "@/lib/client/use-media-query";
import { useNow } from "@/lib/client/use-now";
import { FINAL_STATUSES, TASK_STATUSES } from "@/lib/model/status";
import type { Stats } from "@/lib/stats/stats";
import { bucketFilter } from "@/lib/client/bucket-filter";
import type { FilterPatch } from "@/lib/client/view-query";
import { BucketChart } from "./bucket-chart";
import { ChartCard } from "./chart-card";
import { DurationChart } from "./duration-chart";
import { ErrorsTable } from "./errors-table";
import { FailureRateChart } from "./failure-rate-chart";
import { StatusChart } from "./status-chart";
import { TypeChart } from "./type-chart";
import { useStoredFlag } from "./use-stored-flag";


interface StatsPanelProps {
  stats: Stats | undefined;
  error: unknown;
  zone: string | undefined;
  /** The error code the view is filtered on, if any. */
  errorCode: string | null;
  /** Filters the view to one error code (null: drops it). */
  onPickErrorCode: (code: string | null) => void;
  /** "Around this time": filters the view to one bucket of a chart (absolute bounds). */
  onPickBucket: (patch: FilterPatch) => void;
}

/**
 * The charts of /api/stats for the current window (every status; the status filter narrows only
 * the list). Each chart is memoised on its slice of the answer: TanStack Query keeps unchanged
 * slices identical, so a poll redraws only the charts whose numbers moved.
 */
export function StatsPanel({ stats, error, zone, errorCode, onPickErrorCode, onPickBucket }: StatsPanelProps) {
  // Folded by default on a phone, where the charts would fill the first screens above the list.
  const phone = useMediaQuery(PHONE_QUERY);
  const [open, setOpen] = useStoredFlag("charts-open", !phone);
  // Stable across polls, so the memoised charts redraw only when their numbers move.
  const bucketSeconds = stats?.series.bucketSeconds ?? 0;
  const pickCreated = useCallback((start: string) => {
    const patch = bucketFilter(start, bucketSeconds, "created");
    if (patch) onPickBucket(patch);
  }, [bucketSeconds, onPickBucket]);
  const pickFinished = useCallback((start: string) => {
    const patch = bucketFilter(start, bucketSeconds, "finished");
    if (patch) onPickBucket(patch);
  }, [bucketSeconds, onPickBucket]);
  if (!stats) {
    return (
      <div role={error ? "status" : undefined} className="rounded-lg border border-dashed border-zinc-300 px-4 py-6 text-center text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
        {error ? `Charts unavailable: ${describeError(error)}` : "Loading charts…"}
      </div>
    );
  }
  const bucketMinutes = Math.round(stats.series.bucketSeconds / 60);
  const bucket = bucketMinutes >= 60 ? `${bucketMinutes / 60} h` : `${bucketMinutes} min`;
  const clickHint = <span className="text-[11px] text-zinc-500 max-sm:hidden dark:text-zinc-400">click a bar to list its tasks</span>;
  return (
    <section aria-label="Statistics" className="space-y-2" data-testid="stats-panel">
      <div className="flex items-center gap-3">
        <button type="button" aria-expanded={open} aria-controls="stats-charts" onClick={() => setOpen(!open)} data-testid="charts-toggle"
          className="inline-flex items-center gap-1 rounded text-xs font-semibold uppercase tracking-wide text-zinc-700 hover:text-zinc-950 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:text-white">
          <span aria-hidden="true" className={`inline-block transition-transform ${open ? "rotate-90" : ""}`}>▸</span> Charts
        </button>
        <Coverage stats={stats} zone={zone} error={error} />
      </div>
      <div id="stats-charts" hidden={!open} className="grid gap-3 md:grid-cols-2 xl:grid-cols-[minmax(0,1fr)_minmax(0,1.3fr)_minmax(0,1.3fr)]">
        <ChartCard title="Tasks by status"><StatusChart counts={stats.byStatus} /></ChartCard>
        <ChartCard title={`Created per ${bucket}`} aside={clickHint} testId="chart-created">
          <BucketChart buckets={stats.series.created} zone={zone} statuses={TASK_STATUSES} onPick={pickCreated} />
        </ChartCard>
        <ChartCard title={`Finished per ${bucket} (throughput)`} aside={clickHint} testId="chart-finished">
          <BucketChart buckets={stats.series.finished} zone={zone} statuses={FINAL_STATUSES} onPick={pickFinished} />
        </ChartCard>
        <ChartCard title="Tasks by type"><TypeChart byType={stats.byType} /></ChartCard>
        <ChartCard title="Wait and run percentiles" className="xl:col-span-2"><DurationChart durations={stats.durations} /></ChartCard>
        {stats.series.outcomes ? (
          <ChartCard title={`Failure rate per ${bucket}`}><FailureRateChart buckets={stats.series.outcomes} zone={zone} onPick={pickFinished} /></ChartCard>
        ) : null}
        {stats.errors ? (
          <ChartCard title="Top error codes" className="md:col-span-2" aside={<span className="text-[11px] text-zinc-500 dark:text-zinc-400">click a code to list its tasks</span>}>
            <ErrorsTable errors={stats.errors} active={errorCode} onPick={onPickErrorCode} />
          </ChartCard>
        ) : null}
      </div>
    </section>
  );
}

function Coverage({ stats, zone, error }: { stats: Stats; zone: string | undefined; error: unknown }) {
  const now = useNow();
  const { coverage } = stats;
  const synced = coverage.syncedAt ? (now ? formatAgeMs(now - Date.parse(coverage.syncedAt)) : "") : "not yet";
  return (
    <p className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-zinc-600 dark:text-zinc-400" data-testid="stats-coverage">
      <span><span className="font-semibold tabular-nums text-zinc-900 dark:text-zinc-100">{coverage.tasksCounted.toLocaleString("en-US")}</span> tasks counted</span>
      <span className={coverage.complete ? "text-emerald-700 dark:text-emerald-400" : "font-medium text-amber-700 dark:text-amber-300"}>
        {coverage.complete ? "complete window" : `partial${coverage.reason ? `: ${localizeTimes(coverage.reason, zone)}` : ""}`}
      </span>
      {coverage.outcomes ? (
        <span data-testid="outcome-coverage">outcomes: {coverage.outcomes.known.toLocaleString("en-US")} known, {coverage.outcomes.pending.toLocaleString("en-US")} pending</span>
      ) : null}
      <span>synced {synced}</span>
      <span>{formatTimestamp(stats.window.from, zone)} → {formatTimestamp(stats.window.to, zone)}</span>
      {error ? <span className="font-medium text-amber-700 dark:text-amber-300">charts stale: {describeError(error)}</span> : null}
    </p>
  );
}
