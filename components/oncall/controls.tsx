"use client";
import { useState, type FormEvent } from "react";
import { formatDurationParam, parseDurationParam } from "@/lib/oncall/duration";
import { REFRESH_CHOICES, type Refresh } from "@/lib/model/refresh";

const control = "rounded-md border border-zinc-600 bg-zinc-900 px-2 py-1 text-base text-white focus-visible:outline-2 focus-visible:outline-sky-400";

interface ControlsProps {
  refresh: Refresh;
  onRefresh: (refresh: Refresh) => void;
  subAppIds: number[];
  subAppId: number | null;
  onSubApp: (subAppId: number | null) => void;
}

export function ScreenControls({ refresh, onRefresh, subAppIds, subAppId, onSubApp }: ControlsProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <label className="flex items-center gap-2 text-base text-zinc-200">
        Refresh
        <select value={refresh} onChange={(event) => onRefresh(event.target.value as Refresh)} className={control}>
          {REFRESH_CHOICES.map((choice) => <option key={choice} value={choice}>{choice === "off" ? "Off" : `Every ${choice}`}</option>)}
        </select>
      </label>
      {subAppIds.length > 1 ? (
        <label className="flex items-center gap-2 text-base text-zinc-200">
          App
          <select value={subAppId ?? ""} onChange={(event) => onSubApp(event.target.value ? Number(event.target.value) : null)} className={control}>
            <option value="">All ({subAppIds.length})</option>
            {subAppIds.map((id) => <option key={id} value={id}>{id}</option>)}
          </select>
        </label>
      ) : null}
    </div>
  );
}

export interface ThresholdValues {
  waitSlo: number;
  runSlo: number;
  growth: number;
  failRate: number;
  stall: number;
}

/**
 * The thresholds, as the URL holds them, editable so a team can set its own and share the link.
 * Values are checked with the same parsers as the URL and the API; a bad one is named, not sent.
 */
export function ThresholdsForm({ values, onApply }: { values: ThresholdValues; onApply: (values: ThresholdValues) => void }) {
  const [error, setError] = useState<string | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const waitSlo = parseDurationParam(String(form.get("waitSlo")));
    const runSlo = parseDurationParam(String(form.get("runSlo")));
    const growth = Number(form.get("growth"));
    const failRate = Number(form.get("failRate"));
    const stall = parseDurationParam(String(form.get("stall")));
    if (!waitSlo || !runSlo) return setError("SLOs are durations such as 30s, 10m, 1h or 1h30m.");
    if (!stall || stall < 30 || stall > 3_600) return setError("The stall window is a duration from 30s to 1h.");
    if (!Number.isInteger(growth) || growth < 1 || !Number.isInteger(failRate) || failRate < 1 || failRate > 100) return setError("Percentages are whole numbers; failure rate at most 100.");
    setError(null);
    onApply({ waitSlo, runSlo, growth, failRate, stall });
  };
  const field = (name: string, label: string, value: string) => (
    <label className="flex flex-col gap-1 text-sm text-zinc-200">
      {label}
      <input name={name} defaultValue={value} className={`${control} w-28`} />
    </label>
  );
  return (
    <details className="rounded-lg border border-zinc-700 p-3 text-zinc-200">
      <summary className="cursor-pointer text-base font-semibold">Thresholds</summary>
      <form onSubmit={submit} className="mt-3 flex flex-wrap items-end gap-3" key={JSON.stringify(values)}>
        {field("waitSlo", "Waiting SLO", formatDurationParam(values.waitSlo))}
        {field("runSlo", "Running SLO", formatDurationParam(values.runSlo))}
        {field("growth", "Backlog growth %", String(values.growth))}
        {field("failRate", "Failure rate %", String(values.failRate))}
        {field("stall", "Stalled after", formatDurationParam(values.stall))}
        <button type="submit" className="rounded-md bg-sky-300 px-3 py-1 text-base font-semibold text-black focus-visible:outline-2 focus-visible:outline-white">Apply</button>
      </form>
      {error ? <p role="alert" className="mt-2 text-red-300">{error}</p> : null}
      <p className="mt-3 text-sm text-zinc-300">
        Red: data stale (no sync for 3 refreshes, or upstream failing); a task waiting over 2× the waiting SLO or running over 2× the running SLO;
        failure rate at 2× its threshold. Amber: a task over an SLO; failure rate at its threshold; the backlog grew more than the growth % in 15m
        (and by 5 or more); nothing started for the stall window while tasks wait; nothing finished in 5m while tasks are queued; still loading. Failure rates count once 20 outcomes are known.
      </p>
    </details>
  );
}
