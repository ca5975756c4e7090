import { AlertIcon } from "./icons";

/**
 * Says that the task store is failing (/api/health's `store.ok: false`): what the page can still
 * show and what is not being kept. Gone by itself once health says the store answers again.
 */
export function StoreBanner({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div role="alert" data-testid="store-banner"
      className="flex gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100">
      <AlertIcon className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
      <span className="min-w-0 break-words">{text}</span>
    </div>
  );
}
