import type { ComponentType, SVGProps } from "react";
import type { Outcome } from "@/lib/model/task";
import { BanIcon, CheckCircleIcon, ClockIcon, HelpIcon, SpinnerIcon, XCircleIcon } from "./icons";

export interface StatusDefinition {
  value: string;
  label: string;
  icon: ComponentType<SVGProps<SVGSVGElement>>;
  /** Badge classes: tinted background, readable text in both themes (WCAG AA contrast). */
  badge: string;
  /** The chart colour, the same hue as the badge. */
  color: string;
  /** Whether DescribeTasks can filter on it (ABORTED cannot). */
  filterable: boolean;
  /** One line for tooltips and the legend. */
  description: string;
}

/**
 * Every status, declared once as data and used by the filter, the table, the charts and the
 * detail. FINISH means the task ended, not that it succeeded: its outcome is in the detail.
 */
export const STATUSES: readonly StatusDefinition[] = [
  { value: "WAITING", label: "Waiting", icon: ClockIcon, filterable: true, color: "#d97706", description: "Queued, not started yet",
    badge: "bg-amber-50 text-amber-800 ring-amber-600/25 dark:bg-amber-400/10 dark:text-amber-300 dark:ring-amber-400/25" },
  { value: "PROCESSING", label: "Processing", icon: SpinnerIcon, filterable: true, color: "#2563eb", description: "Running now",
    badge: "bg-blue-50 text-blue-800 ring-blue-600/25 dark:bg-blue-400/10 dark:text-blue-300 dark:ring-blue-400/25" },
  { value: "FINISH", label: "Finished", icon: CheckCircleIcon, filterable: true, color: "#059669", description: "Ended; open the detail for success or failure",
    badge: "bg-emerald-50 text-emerald-800 ring-emerald-600/25 dark:bg-emerald-400/10 dark:text-emerald-300 dark:ring-emerald-400/25" },
  { value: "ABORTED", label: "Aborted", icon: BanIcon, filterable: false, color: "#e11d48", description: "Stopped before it finished",
    badge: "bg-rose-50 text-rose-800 ring-rose-600/30 dark:bg-rose-400/10 dark:text-rose-300 dark:ring-rose-400/30" },
];

const UNKNOWN: Omit<StatusDefinition, "value" | "label"> = {
  icon: HelpIcon, filterable: false, color: "#71717a", description: "A status this dashboard does not know",
  badge: "bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-400/10 dark:text-zinc-300 dark:ring-zinc-400/25",
};

export const FAILED_COLOR = "#e11d48";

/** How an ended task that failed looks wherever its outcome is known: never green. */
const FAILED: Omit<StatusDefinition, "value"> = {
  label: "Failed", icon: XCircleIcon, filterable: false, color: FAILED_COLOR, description: "Ended, and failed: the detail says why",
  badge: "bg-rose-50 text-rose-800 ring-rose-600/30 dark:bg-rose-400/10 dark:text-rose-300 dark:ring-rose-400/30",
};

/** A finished task whose outcome is not known yet: not green, for it may yet turn out to have failed. */
const PENDING: Omit<StatusDefinition, "value"> = {
  label: "Finished", icon: CheckCircleIcon, filterable: false, color: "#71717a", description: "Ended; whether it succeeded is still to be looked up",
  badge: "bg-zinc-100 text-zinc-700 ring-zinc-500/25 dark:bg-zinc-400/10 dark:text-zinc-300 dark:ring-zinc-400/25",
};

export function statusDefinition(value: string): StatusDefinition {
  return STATUSES.find((status) => status.value === value) ?? { ...UNKNOWN, value, label: value };
}

/**
 * A status as a tinted badge with its icon, told by the outcome where it is known. Still, even for PROCESSING: a spinning icon in every
 * running row makes the browser repaint the table 60 times a second for as long as one is on screen.
 */
export function StatusBadge({ status, outcome, errorCode }: { status: string; outcome?: Outcome; errorCode?: string | null }) {
  // FINISH does not mean success: once the outcome says failed, the badge says so (ABORTED keeps its own name);
  // while it is not known (null; undefined: the caller does not say), a finished task is not green either.
  const definition = outcome === "failed" && status !== "ABORTED" ? { ...FAILED, value: status }
    : outcome === null && status === "FINISH" ? { ...PENDING, value: status } : statusDefinition(status);
  const Icon = definition.icon;
  const title = errorCode && (outcome === "failed" || status === "ABORTED") ? `${definition.description} (${errorCode})` : definition.description;
  return (
    <span title={title} data-status={definition.value} data-outcome={outcome ?? undefined}
      className={`inline-flex items-center gap-1 rounded-md px-1.5 py-0.5 text-xs font-medium ring-1 ring-inset ${definition.badge}`}>
      <Icon className="size-3.5 shrink-0" />
      {definition.label}
    </span>
  );
}
