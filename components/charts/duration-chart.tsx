"use client";
import { memo, useState } from "react";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDuration } from "@/lib/client/format-time";
import type { Stats } from "@/lib/stats/stats";
import { AXIS_TICK, CHART_HEIGHT, GRID_STROKE, shortSeconds, TOOLTIP_STYLE } from "./chart-theme";

const PERCENTILES = [
  { key: "p50", color: "#93c5fd" },
  { key: "p90", color: "#3b82f6" },
  { key: "p99", color: "#1e40af" },
] as const;

/** Wait or run time percentiles per task type (the busiest types first). */
export const DurationChart = memo(function DurationChart({ durations }: { durations: Stats["durations"] }) {
  const [phase, setPhase] = useState<"wait" | "run">("run");
  const rows = durations
    .filter((entry) => entry[phase].count > 0)
    .sort((a, b) => (a.type === "all" ? -1 : b.type === "all" ? 1 : b[phase].count - a[phase].count))
    .slice(0, 8)
    .map((entry) => ({ type: entry.type === "all" ? "All" : entry.type, ...entry[phase] }));
  return (
    <div>
      <div role="group" aria-label="Duration" className="mb-1 inline-flex rounded-md border border-zinc-300 text-xs dark:border-zinc-700">
        {(["wait", "run"] as const).map((option) => (
          <button key={option} type="button" aria-pressed={phase === option} onClick={() => setPhase(option)}
            className={`px-2 py-0.5 first:rounded-l-md last:rounded-r-md focus-visible:outline-2 focus-visible:outline-blue-600 ${phase === option ? "bg-zinc-900 text-white dark:bg-zinc-100 dark:text-zinc-900" : "text-zinc-700 dark:text-zinc-300"}`}>
            {option === "wait" ? "Wait" : "Run"}
          </button>
        ))}
      </div>
      {rows.length === 0 ? <p className="py-10 text-center text-xs text-zinc-600 dark:text-zinc-400">No {phase} times in this window yet.</p> : (
        <ResponsiveContainer width="100%" height={CHART_HEIGHT - 26}>
          <BarChart data={rows} margin={{ top: 4, right: 4, bottom: 0, left: -12 }}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            <XAxis dataKey="type" tick={AXIS_TICK} tickLine={false} axisLine={false} interval={0} tickFormatter={(type: string) => type.length > 10 ? `${type.slice(0, 9)}…` : type} />
            <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={shortSeconds} />
            <Tooltip {...TOOLTIP_STYLE} formatter={(value) => formatDuration(Number(value) * 1_000)} />
            {/* Legend text in the axis colour: the darkest bar colour would be unreadable on the dark theme. */}
            <Legend iconSize={8} wrapperStyle={{ fontSize: 11 }} formatter={(value) => <span style={{ color: "var(--chart-text)" }}>{value}</span>} />
            {PERCENTILES.map((p) => <Bar key={p.key} dataKey={p.key} name={p.key} fill={p.color} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
      )}
    </div>
  );
});
