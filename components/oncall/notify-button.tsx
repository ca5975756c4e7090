"use client";

interface NotifyButtonProps {
  supported: boolean;
  permission: NotificationPermission | "unsupported";
  enabled: boolean;
  onToggle: () => void;
}

/** Alerts only ever start from this button: the browser asks, and nothing is shown without a yes. */
export function NotifyButton({ supported, permission, enabled, onToggle }: NotifyButtonProps) {
  if (!supported) return <span className="text-sm text-zinc-300">Alerts unavailable in this browser</span>;
  if (permission === "denied") return <span className="text-sm text-zinc-300">Alerts blocked in browser settings</span>;
  return (
    <button type="button" onClick={onToggle} aria-pressed={enabled} data-testid="notify-toggle"
      className="rounded-md border border-zinc-500 px-3 py-1 text-base font-semibold text-white hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-sky-400">
      {enabled ? "Alerts on when red · turn off" : "Alert me when red"}
    </button>
  );
}
