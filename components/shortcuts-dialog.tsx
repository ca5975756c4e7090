"use client";
import { useEffect, useRef } from "react";
import { CloseIcon } from "./icons";

export const SHORTCUTS: readonly { keys: string[]; does: string }[] = [
  { keys: ["?"], does: "Show these shortcuts" },
  { keys: ["g"], does: "Go to a TaskId, FileId or SessionId (the box in the header)" },
  { keys: ["/"], does: "Filter by file ID" },
  { keys: ["j", "k"], does: "Next and previous row" },
  { keys: ["↓", "↑"], does: "Next and previous task while the detail is open" },
  { keys: ["Enter"], does: "Open the highlighted row's detail" },
  { keys: ["Esc"], does: "Close the detail, a panel or this dialog" },
  { keys: ["p"], does: "Pause or resume polling" },
];

const kbdClass = "rounded border border-zinc-300 bg-zinc-50 px-1.5 py-0.5 font-mono text-xs text-zinc-900 dark:border-zinc-600 dark:bg-zinc-800 dark:text-zinc-100";

/**
 * The keyboard shortcuts, in a modal <dialog>: the browser makes the page behind it inert, traps
 * the focus and closes it on Esc; the focus returns to where it was.
 */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} aria-labelledby="shortcuts-title" onClose={onClose} data-testid="shortcuts-dialog"
      // Esc belongs to this dialog while it is open: the page's own Esc (closing the detail) must not fire too.
      onKeyDown={(event) => { if (event.key === "Escape") event.stopPropagation(); }}
      onClick={(event) => { if (event.target === ref.current) onClose(); }}
      className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
      <div className="p-4">
        <div className="mb-3 flex items-center justify-between gap-2">
          <h2 id="shortcuts-title" className="text-base font-semibold">Keyboard shortcuts</h2>
          <button type="button" onClick={onClose} aria-label="Close"
            className="rounded p-1 text-zinc-600 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:text-white">
            <CloseIcon className="size-4" />
          </button>
        </div>
        <table className="w-full text-sm">
          <thead className="sr-only"><tr><th scope="col">Keys</th><th scope="col">What they do</th></tr></thead>
          <tbody>
            {SHORTCUTS.map((shortcut) => (
              <tr key={shortcut.does} className="border-t border-zinc-100 first:border-t-0 dark:border-zinc-800">
                <td className="whitespace-nowrap py-1.5 pr-3 align-top">
                  {shortcut.keys.map((key, index) => <span key={key}>{index ? " " : ""}<kbd className={kbdClass}>{key}</kbd></span>)}
                </td>
                <td className="py-1.5 text-zinc-700 dark:text-zinc-300">{shortcut.does}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
          Shortcuts wait while you type in a field. Click a bar in the Created or Finished chart to list that bucket&apos;s tasks;
          &ldquo;Views&rdquo; keeps named views; every view is a link.
        </p>
      </div>
    </dialog>
  );
}
