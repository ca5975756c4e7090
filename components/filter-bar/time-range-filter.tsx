"use client";
import { useState } from "react";
import { fromWallTime, toWallTime, zoneOffsetLabel } from "@/lib/client/format-time";
import { useNow } from "@/lib/client/use-now";
import { parseTimeExpression, resolveTime } from "@/lib/filters/time-expression";
import { presetOf, type TimePreset } from "@/lib/filters/time-presets";
import type { ReversedRange } from "@/lib/filters/time-window";
import { isoSeconds } from "@/lib/model/iso-time";
import { controlClass, labelClass } from "./styles";

/**
 * Wide enough for the whole date and time in every locale Chromium formats ("12/03/2026, 12:00 PM"
 * and its picker icon); the full row on a phone.
 */
const TIME_FIELD = "w-full sm:w-[16rem]";

interface TimeRangeFilterProps {
  /** "created" or "finished": names the inputs and their labels. */
  name: string;
  label: string;
  after: string | null;
  before: string | null;
  onChange: (range: { after: string | null; before: string | null }, typing?: boolean) => void;
  zone: string | undefined;
  /** The URL's range ends before it starts: said here, and left out of the view. */
  refused?: ReversedRange;
  /** The quick choices this dashboard can answer (presetsFor its VOD_HISTORY_DAYS). */
  presets: readonly TimePreset[];
}

function wallValue(text: string | null, zone: string | undefined, nowMs: number): string {
  const expression = text ? parseTimeExpression(text) : null;
  return expression && nowMs ? toWallTime(resolveTime(expression, nowMs), zone) : "";
}

/** A quick choice (the last 15 minutes … 30 days, kept relative) or a custom absolute range in the view's zone. */
export function TimeRangeFilter({ name, label, after, before, onChange, zone, refused, presets }: TimeRangeFilterProps) {
  // `now-3d` in a link is the "Last 3 days" choice, however it is spelt.
  const quick = presetOf(after, before, presets)?.value ?? null;
  const [customOpen, setCustomOpen] = useState(false);
  const custom = customOpen || (quick === null && (after !== null || before !== null));
  const selectValue = custom ? "custom" : quick ?? "";
  // Relative bounds shown in the custom inputs move with the clock, as the view itself does.
  const now = useNow();
  const offset = zoneOffsetLabel(zone, now);

  // A range that ends before it starts never reaches the URL: the field keeps its last good value and says why.
  const [refusedHere, setRefusedHere] = useState(false);
  const setBound = (bound: "after" | "before", wall: string) => {
    const ms = wall ? fromWallTime(wall, zone) : null;
    if (wall && ms === null) return;
    const next = { after, before, [bound]: ms === null ? null : isoSeconds(ms) };
    const at = (text: string | null) => {
      const expression = text ? parseTimeExpression(text) : null;
      return expression ? resolveTime(expression, Date.now()) : null;
    };
    const [from, until] = [at(next.after), at(next.before)];
    const reversed = from !== null && until !== null && from >= until;
    setRefusedHere(reversed);
    if (!reversed) onChange(next, true);
  };
  const problem = refusedHere ? `"From" must be earlier than "until"; the range was not changed.`
    : refused ? `This link's range ends before it starts (${refused.param} ${refused.message}); it is left out until fixed.` : null;

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${name}-range`} className={labelClass}>{label}</label>
      <div className="flex flex-wrap items-center gap-1.5">
        <select id={`${name}-range`} value={selectValue} className={`${controlClass} max-sm:w-full`}
          onChange={(event) => {
            const next = event.target.value;
            setCustomOpen(next === "custom");
            if (next !== "custom") onChange({ after: next || null, before: null });
          }}>
          <option value="">Any time</option>
          {presets.map((range) => <option key={range.value} value={range.value}>{range.label}</option>)}
          <option value="custom">Custom range…</option>
        </select>
        {custom ? (
          <>
            <input type="datetime-local" aria-label={`${label} from (${offset})`} className={`${controlClass} ${TIME_FIELD}`}
              aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${name}-range-problem` : undefined}
              value={wallValue(after, zone, now)} onChange={(event) => setBound("after", event.target.value)} />
            <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-hidden="true">–</span>
            <input type="datetime-local" aria-label={`${label} until (${offset})`} className={`${controlClass} ${TIME_FIELD}`}
              aria-invalid={problem ? true : undefined} aria-describedby={problem ? `${name}-range-problem` : undefined}
              value={wallValue(before, zone, now)} onChange={(event) => setBound("before", event.target.value)} />
            <span className="text-[11px] text-zinc-500 dark:text-zinc-400">{offset}</span>
          </>
        ) : null}
      </div>
      {problem ? (
        <p id={`${name}-range-problem`} role="alert" data-testid={`${name}-range-problem`} className="max-w-md text-xs font-medium text-rose-700 dark:text-rose-300">{problem}</p>
      ) : null}
    </div>
  );
}
