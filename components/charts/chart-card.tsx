import type { ReactNode } from "react";

/** One chart with its title; a figure, so that screen readers get the caption with it. */
export function ChartCard({ title, children, aside, className = "", testId }: { title: string; children: ReactNode; aside?: ReactNode; className?: string; testId?: string }) {
  return (
    <figure data-testid={testId} className={`flex min-w-0 flex-col rounded-lg border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900 ${className}`}>
      <figcaption className="mb-2 flex items-center justify-between gap-2">
        <span className="text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">{title}</span>
        {aside}
      </figcaption>
      {children}
    </figure>
  );
}
