"use client";
import { memo } from "react";
import type { ErrorGroup } from "@/lib/stats/stats";

interface ErrorsTableProps {
  errors: ErrorGroup[];
  /** The error code the view is filtered on, if any. */
  active: string | null;
  /** Filters the view to one error code; null drops the filter. */
  onPick: (code: string | null) => void;
}

const TYPES_SHOWN = 3;

/**
 * The view's failed tasks grouped by error code, the most frequent first (from /api/stats
 * `errors`): count, one message upstream gave, the task types struck. A code is a button that
 * filters the view to it (`errorCode` in the URL); the active one, pressed again, drops it.
 */
export const ErrorsTable = memo(function ErrorsTable({ errors, active, onPick }: ErrorsTableProps) {
  if (errors.length === 0) return <p className="py-6 text-center text-sm text-zinc-600 dark:text-zinc-400" data-testid="errors-empty">No failures known in this view.</p>;
  const most = errors[0].count;
  return (
    <div className="max-h-52 overflow-y-auto">
      <table className="w-full table-fixed text-left text-xs" data-testid="errors-table">
        <thead className="sticky top-0 bg-white text-zinc-600 dark:bg-zinc-900 dark:text-zinc-400">
          <tr>
            <th scope="col" className="w-[34%] py-1 pr-2 font-medium">Error code</th>
            <th scope="col" className="w-14 py-1 pr-2 text-right font-medium">Tasks</th>
            <th scope="col" className="py-1 pr-2 font-medium">Message</th>
            <th scope="col" className="w-[24%] py-1 font-medium max-sm:hidden">Types</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {errors.map((group) => {
            const pressed = group.code === active;
            const more = group.types.length - TYPES_SHOWN;
            return (
              <tr key={group.code} data-error-code={group.code} className={`align-top ${pressed ? "bg-rose-50 dark:bg-rose-500/10" : ""}`}>
                <td className="py-1.5 pr-2">
                  <button type="button" aria-pressed={pressed} onClick={() => onPick(pressed ? null : group.code)}
                    title={pressed ? "Show every task again" : `Show only the tasks that failed with ${group.code}`}
                    className="block max-w-full truncate rounded font-mono font-semibold text-rose-700 underline decoration-rose-300 decoration-dotted underline-offset-2 hover:decoration-rose-600 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-rose-300">
                    {group.code}
                  </button>
                </td>
                <td className="py-1.5 pr-2 text-right tabular-nums">
                  <span className="font-semibold">{group.count.toLocaleString("en-US")}</span>
                  <span aria-hidden="true" className="mt-1 block h-1 rounded-full bg-rose-500/70" style={{ width: `${Math.max(8, (100 * group.count) / most)}%`, marginLeft: "auto" }} />
                </td>
                <td className="py-1.5 pr-2 break-words text-zinc-700 dark:text-zinc-300">{group.message || "—"}</td>
                <td className="py-1.5 text-zinc-600 max-sm:hidden dark:text-zinc-400" title={group.types.join(", ")}>
                  {group.types.slice(0, TYPES_SHOWN).join(", ")}{more > 0 ? ` +${more}` : ""}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
});
