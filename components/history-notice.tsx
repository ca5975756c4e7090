import type { HistoryNotice as Notice } from "@/lib/client/history-notice";
import { AlertIcon, ClockIcon } from "./icons";

/** Which part of the view comes from the dashboard's history rather than live from VOD (lib/client/history-notice.ts). */
export function HistoryNotice({ notice }: { notice: Notice | null }) {
  if (!notice) return null;
  const tone = notice.unavailable
    ? "border-amber-300 bg-amber-50 text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100"
    : "border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-500/30 dark:bg-sky-500/10 dark:text-sky-100";
  const Icon = notice.unavailable ? AlertIcon : ClockIcon;
  return (
    <p role="note" data-testid="history-notice" data-state={notice.unavailable ? "unavailable" : "ok"}
      className={`flex gap-2 rounded-lg border px-3 py-2 text-sm ${tone}`}>
      <Icon className="mt-0.5 size-4 shrink-0" />
      <span className="min-w-0 break-words">{notice.text}</span>
    </p>
  );
}
