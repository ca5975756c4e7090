import type { ReactNode } from "react";

interface TileProps {
  label: string;
  value: string;
  /** A line under the number: its unit, its context, its coverage. */
  detail?: ReactNode;
  /** The number is not current: struck through and labelled, never shown as if it were. */
  stale: boolean;
  /** Draws the eye to a number that breaks a rule. */
  warn?: boolean;
  testId: string;
  /** The raw value, for tests and scripts that read the screen. */
  rawValue?: number | null;
  children?: ReactNode;
}

export function Tile({ label, value, detail, stale, warn = false, testId, rawValue, children }: TileProps) {
  return (
    <div data-testid={testId} data-value={rawValue ?? ""} data-stale={stale}
      className={`flex min-w-0 flex-col gap-1 rounded-xl border-2 bg-zinc-900 p-3 sm:p-4 ${warn && !stale ? "border-amber-400" : "border-zinc-700"}`}>
      <div className="text-sm font-semibold uppercase tracking-wide text-zinc-300 sm:text-base">{label}</div>
      <div className={`text-4xl font-bold tabular-nums leading-none sm:text-5xl ${stale ? "text-zinc-400 line-through decoration-4" : "text-white"}`}>
        {value}
      </div>
      {stale ? <div className="text-sm font-bold uppercase text-red-300">stale</div> : null}
      {detail ? <div className="text-sm text-zinc-300">{detail}</div> : null}
      {children}
    </div>
  );
}
