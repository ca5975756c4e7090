"use client";
import { memo } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { Stats } from "@/lib/stats/stats";
import { AXIS_TICK, CHART_HEIGHT, compactNumber, GRID_STROKE, TOOLTIP_STYLE } from "./chart-theme";

/** Counts by task type, biggest first; the long tail is folded into "Other". */
export const TypeChart = memo(function TypeChart({ byType }: { byType: Stats["byType"] }) {
  const sorted = [...byType].sort((a, b) => b.count - a.count);
  const top = sorted.slice(0, 6);
  const rest = sorted.slice(6).reduce((sum, entry) => sum + entry.count, 0);
  const data = rest > 0 ? [...top, { type: "Other", count: rest }] : top;
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={data} layout="vertical" margin={{ top: 0, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid horizontal={false} stroke={GRID_STROKE} />
        <XAxis type="number" tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={compactNumber} allowDecimals={false} />
        <YAxis type="category" dataKey="type" tick={{ ...AXIS_TICK, fontSize: 10 }} tickLine={false} axisLine={false} width={118} interval={0}
          tickFormatter={(type: string) => (type.length > 18 ? `${type.slice(0, 17)}…` : type)} />
        <Tooltip {...TOOLTIP_STYLE} />
        <Bar dataKey="count" name="Tasks" fill="#6366f1" radius={[0, 3, 3, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
});
