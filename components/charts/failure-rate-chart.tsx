"use client";
import { memo } from "react";
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { failureRateSeries } from "@/lib/stats/failure-rate";
import type { OutcomeBucket } from "@/lib/stats/stats";
import { FAILED_COLOR } from "../task-status";
import { AXIS_TICK, bucketLabel, CHART_HEIGHT, GRID_STROKE, TOOLTIP_STYLE } from "./chart-theme";

/** The share of ended tasks that failed, per finish bucket, of those whose outcome is known; a gap where none is. */
export const FailureRateChart = memo(function FailureRateChart({ buckets, zone, onPick }: { buckets: OutcomeBucket[]; zone: string | undefined; onPick?: (start: string) => void }) {
  const first = buckets[0] ? Date.parse(buckets[0].start) : 0;
  const last = buckets.length ? Date.parse(buckets[buckets.length - 1].start) : 0;
  const acrossDays = last - first > 20 * 3_600_000;
  const data = failureRateSeries(buckets).map((point) => ({ ...point, label: bucketLabel(point.start, zone, acrossDays) }));
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <LineChart data={data} margin={{ top: 4, right: 8, bottom: 0, left: -18 }} style={onPick ? { cursor: "pointer" } : undefined}
        onClick={onPick ? (state) => {
          const bucket = buckets[Number(state.activeTooltipIndex ?? state.activeIndex)];
          if (bucket) onPick(bucket.start);
        } : undefined}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} axisLine={false} minTickGap={24} />
        <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} domain={[0, (max: number) => Math.max(5, Math.ceil(max))]} tickFormatter={(value: number) => `${value}%`} />
        <Tooltip {...TOOLTIP_STYLE} formatter={(value) => (typeof value === "number" ? `${value.toFixed(1)}%` : "no outcome known")} />
        <Line dataKey="ratePct" name="Failed" stroke={FAILED_COLOR} strokeWidth={1.5} dot={false} connectNulls={false} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
});
