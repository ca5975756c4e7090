import type { Health } from "@/lib/model/health";

/** Says plainly when the numbers are not from Tencent Cloud but from the bundled emulator. */
export function ModeBadge({ health }: { health: Health | undefined }) {
  if (!health) return null;
  if (health.mode === "emulator") {
    return (
      <span data-testid="mode-badge" title={`Data comes from the bundled VOD emulator at ${health.endpoint}, not from Tencent Cloud`}
        className="inline-flex items-center rounded-full bg-violet-100 px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-violet-800 ring-1 ring-inset ring-violet-600/30 dark:bg-violet-400/15 dark:text-violet-200 dark:ring-violet-400/30">
        Emulator
      </span>
    );
  }
  return (
    <span data-testid="mode-badge" title={`Live: ${health.endpoint}`}
      className="inline-flex items-center rounded-full bg-emerald-100 px-2 py-0.5 text-[11px] font-semibold uppercase tracking-wide text-emerald-800 ring-1 ring-inset ring-emerald-600/30 dark:bg-emerald-400/15 dark:text-emerald-200 dark:ring-emerald-400/30">
      Live
    </span>
  );
}
