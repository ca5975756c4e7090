/**
 * Throughput over six hours as a plain SVG line: a wall screen needs the shape, not axes or
 * tooltips, and this costs no chart library on the page that must load fastest on a phone.
 */
export function Sparkline({ values, label, stale }: { values: number[]; label: string; stale: boolean }) {
  if (values.length < 2) return null;
  const width = 240;
  const height = 40;
  const max = Math.max(...values, 0.001);
  const points = values.map((value, i) => `${((i / (values.length - 1)) * width).toFixed(1)},${(height - 2 - (value / max) * (height - 4)).toFixed(1)}`);
  return (
    <svg viewBox={`0 0 ${width} ${height}`} preserveAspectRatio="none" role="img" aria-label={label} className="h-10 w-full">
      <polyline points={points.join(" ")} fill="none" strokeWidth="2" vectorEffect="non-scaling-stroke"
        className={stale ? "stroke-zinc-500" : "stroke-sky-400"} strokeDasharray={stale ? "4 4" : undefined} />
    </svg>
  );
}
