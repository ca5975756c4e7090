"use client";
import { memo } from "react";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TimeBucket } from "@/lib/stats/stats";
import { STATUSES } from "../task-status";
import { AXIS_TICK, bucketLabel, CHART_HEIGHT, compactNumber, GRID_STROKE, TOOLTIP_STYLE } from "./chart-theme";

interface BucketChartProps {
  buckets: TimeBucket[];
  zone: string | undefined;
  /** Which statuses to stack: all of them for arrivals, the final ones for throughput. */
  statuses: readonly string[];
  /** "Around this time": a click on a bucket hands over its start (ISO); no handler, no click. */
  onPick?: (start: string) => void;
}

/** Tasks per time bucket, stacked by status; a click anywhere in a bucket's column picks that bucket. */
export const BucketChart = memo(function BucketChart({ buckets, zone, statuses, onPick }: BucketChartProps) {
  const first = buckets[0] ? Date.parse(buckets[0].start) : 0;
  const last = buckets.length ? Date.parse(buckets[buckets.length - 1].start) : 0;
  const acrossDays = last - first > 20 * 3_600_000;
  const data = buckets.map((bucket) => ({ label: bucketLabel(bucket.start, zone, acrossDays), ...bucket.counts }));
  const shown = STATUSES.filter((status) => statuses.includes(status.value));
  return (
    <ResponsiveContainer width="100%" height={CHART_HEIGHT}>
      <BarChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: -18 }} barCategoryGap={1} style={onPick ? { cursor: "pointer" } : undefined}
        onClick={onPick ? (state) => {
          const bucket = buckets[Number(state.activeTooltipIndex ?? state.activeIndex)];
          if (bucket) onPick(bucket.start);
        } : undefined}>
        <CartesianGrid vertical={false} stroke={GRID_STROKE} />
        <XAxis dataKey="label" tick={AXIS_TICK} tickLine={false} axisLine={false} minTickGap={24} />
        <YAxis tick={AXIS_TICK} tickLine={false} axisLine={false} tickFormatter={compactNumber} allowDecimals={false} />
        <Tooltip {...TOOLTIP_STYLE} />
        {shown.map((status) => (
          <Bar key={status.value} dataKey={status.value} name={status.label} stackId="status" fill={status.color} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
});
