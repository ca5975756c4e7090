"use client";
import { useState } from "react";
import { fromWallTime, toWallTime, zoneOffsetLabel } from "@/lib/client/format-time";
import { useNow } from "@/lib/client/use-now";
import { parseTimeExpression, resolveTime } from "@/lib/filters/time-expression";
import { isoSeconds } from "@/lib/model/iso-time";
import { controlClass, labelClass } from "./styles";

export const QUICK_RANGES = [
  { value: "now-15m", label: "Last 15 min" },
  { value: "now-1h", label: "Last hour" },
  { value: "now-6h", label: "Last 6 hours" },
  { value: "now-24h", label: "Last 24 hours" },
  { value: "now-72h", label: "Last 72 hours" },
] as const;

interface TimeRangeFilterProps {
  /** "created" or "finished": names the inputs and their labels. */
  name: string;
  label: string;
  after: string | null;
  before: string | null;
  onChange: (range: { after: string | null; before: string | null }, typing?: boolean) => void;
  zone: string | undefined;
}

function wallValue(text: string | null, zone: string | undefined, nowMs: number): string {
  const expression = text ? parseTimeExpression(text) : null;
  return expression && nowMs ? toWallTime(resolveTime(expression, nowMs), zone) : "";
}

/** A quick choice (the last 15 minutes … 72 hours, kept relative) or a custom absolute range in the view's zone. */
export function TimeRangeFilter({ name, label, after, before, onChange, zone }: TimeRangeFilterProps) {
  const quick = before === null && QUICK_RANGES.some((range) => range.value === after) ? after : null;
  const [customOpen, setCustomOpen] = useState(false);
  const custom = customOpen || (quick === null && (after !== null || before !== null));
  const selectValue = custom ? "custom" : quick ?? "";
  // Relative bounds shown in the custom inputs move with the clock, as the view itself does.
  const now = useNow();
  const offset = zoneOffsetLabel(zone, now);

  const setBound = (bound: "after" | "before", wall: string) => {
    const ms = wall ? fromWallTime(wall, zone) : null;
    if (wall && ms === null) return;
    onChange({ after, before, [bound]: ms === null ? null : isoSeconds(ms) }, true);
  };

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={`${name}-range`} className={labelClass}>{label}</label>
      <div className="flex flex-wrap items-center gap-1.5">
        <select id={`${name}-range`} value={selectValue} className={controlClass}
          onChange={(event) => {
            const next = event.target.value;
            setCustomOpen(next === "custom");
            if (next !== "custom") onChange({ after: next || null, before: null });
          }}>
          <option value="">Any time</option>
          {QUICK_RANGES.map((range) => <option key={range.value} value={range.value}>{range.label}</option>)}
          <option value="custom">Custom range…</option>
        </select>
        {custom ? (
          <>
            <input type="datetime-local" aria-label={`${label} from (${offset})`} className={`${controlClass} w-[11.5rem]`}
              value={wallValue(after, zone, now)} onChange={(event) => setBound("after", event.target.value)} />
            <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-hidden="true">–</span>
            <input type="datetime-local" aria-label={`${label} until (${offset})`} className={`${controlClass} w-[11.5rem]`}
              value={wallValue(before, zone, now)} onChange={(event) => setBound("before", event.target.value)} />
            <span className="text-[11px] text-zinc-500 dark:text-zinc-400">{offset}</span>
          </>
        ) : null}
      </div>
    </div>
  );
}
