"use client";
import { memo } from "react";
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { StatusCounts } from "@/lib/stats/stats";
import { STATUSES } from "../task-status";
import { AXIS_TICK, CHART_HEIGHT, compactNumber, GRID_STROKE, TOOLTIP_STYLE } from "./chart-theme";

/** Counts by status, with the exact numbers written out beside the bars. */
export const StatusChart = memo(function StatusChart({ counts }: { counts: StatusCounts }) {
  const data = STATUSES.map((status) => ({ label: status.label, value: status.value, count: counts[status.value as keyof StatusCounts] ?? 0, color: status.color }));
  return (
    <div className="flex gap-3">
      <ul className="flex w-28 shrink-0 flex-col justify-center gap-1.5 text-xs" aria-label="Tasks by status">
        {data.map((entry) => (
          <li key={entry.value} className="flex items-center justify-between gap-2">
            <span className="flex items-center gap-1.5"><span className="size-2 rounded-sm" style={{ background: entry.color }} aria-hidden="true" />{entry.label}</span>
            <span className="font-semibold tabular-nums" data-testid={`chart-status-${entry.value}`}>{entry.count.toLocaleString("en-US")}</span>
          </li>
        ))}
      </ul>
      <div className="min-w-0 flex-1">
        <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
          <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -18 }}>
            <CartesianGrid vertical={false} stroke={GRID_STROKE} />
            {/* The list beside the bars names them; tick labels would only crowd four bars. */}
            <XAxis dataKey="label" tick={false} tickLine={false} axisLine={false} height={4} />
            <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={compactNumber} allowDecimals={false} />
            <Tooltip {...TOOLTIP_STYLE} />
            <Bar dataKey="count" name="Tasks" radius={[3, 3, 0, 0]} isAnimationActive={false}>
              {data.map((entry) => <Cell key={entry.value} fill={entry.color} />)}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
});
