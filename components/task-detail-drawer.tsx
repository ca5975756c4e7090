"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { ApiRequestError, describeError } from "@/lib/client/api-error";
import { taskDetailOptions } from "@/lib/client/task-queries";
import { CopyButton, useCopied } from "./copy-button";
import { useFileName } from "./file-names";
import { CloseIcon, LinkIcon } from "./icons";
import { TaskDetailBody } from "./task-detail-body";

interface TaskDetailDrawerProps {
  taskId: string;
  subAppId: number | null;
  intervalMs: number | false;
  zone: string | undefined;
  onClose: () => void;
  onFilterFile: (fileId: string) => void;
}

/**
 * The task named by `task` in the URL, from DescribeTaskDetail; Esc, the close button or the
 * backdrop closes it. A panel on the right from `sm` up, a full-screen sheet on a phone.
 */
export function TaskDetailDrawer({ taskId, subAppId, intervalMs, zone, onClose, onFilterFile }: TaskDetailDrawerProps) {
  const detail = useQuery(taskDetailOptions(taskId, subAppId, intervalMs));
  const fileName = useFileName(detail.data?.fileId ?? "", subAppId);
  const panelRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const [copied, copy] = useCopied();

  useEffect(() => {
    // Focus moves into the dialog and goes back where it was when the dialog closes.
    const previous = document.activeElement as HTMLElement | null;
    closeRef.current?.focus();
    return () => previous?.focus?.();
  }, []);

  const notFound = detail.error instanceof ApiRequestError && detail.error.code === "TaskNotFound";
  return (
    <div className="fixed inset-0 z-40">
      <div className="absolute inset-0 bg-zinc-950/30 backdrop-blur-[1px] dark:bg-black/50" onClick={onClose} aria-hidden="true" />
      <div ref={panelRef} role="dialog" aria-modal="true" aria-labelledby="task-detail-title" data-testid="task-detail"
        onKeyDown={(event) => {
          if (event.key === "Escape") { event.stopPropagation(); onClose(); }
          if (event.key === "Tab") trapFocus(event, panelRef.current);
        }}
        className="absolute inset-0 flex w-full flex-col bg-white shadow-2xl sm:left-auto sm:max-w-xl sm:border-l sm:border-zinc-200 dark:bg-zinc-900 sm:dark:border-zinc-800">
        <header className="flex items-start gap-2 border-b border-zinc-200 px-4 py-3 sm:gap-3 sm:px-5 sm:py-4 dark:border-zinc-800">
          <div className="min-w-0 flex-1">
            <p className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Task detail</p>
            <h2 id="task-detail-title" className="flex items-center gap-1 break-all font-mono text-sm font-semibold">
              {taskId} <CopyButton text={taskId} label="Copy task ID" />
            </h2>
          </div>
          <button type="button" onClick={() => copy(window.location.href)}
            className="inline-flex h-10 shrink-0 items-center sm:h-8 gap-1 rounded-md px-2 text-xs font-medium text-zinc-700 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:bg-zinc-800">
            <LinkIcon className="size-3.5" /> {copied ? "Copied" : "Copy link"}
          </button>
          <button ref={closeRef} type="button" onClick={onClose} aria-label="Close detail (Esc)" data-testid="close-detail"
            className="inline-flex size-10 shrink-0 items-center sm:size-8 justify-center rounded-md text-zinc-600 hover:bg-zinc-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:text-zinc-300 dark:hover:bg-zinc-800">
            <CloseIcon className="size-4" />
          </button>
        </header>
        <div className="min-h-0 flex-1 overflow-y-auto px-4 py-4 sm:px-5">
          {detail.data ? (
            <TaskDetailBody detail={detail.data} zone={zone} onFilterFile={onFilterFile} fileName={fileName} />
          ) : detail.isPending ? (
            <div className="space-y-3" aria-busy="true" aria-label="Loading task detail">
              {Array.from({ length: 6 }, (_, i) => <div key={i} className="h-4 rounded bg-zinc-200 motion-safe:animate-pulse dark:bg-zinc-800" style={{ width: `${90 - i * 9}%` }} />)}
            </div>
          ) : (
            <div role="alert" className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm text-rose-900 dark:border-rose-500/30 dark:bg-rose-500/10 dark:text-rose-100">
              <p className="font-medium">{notFound ? "No such task in the last 72 hours" : "The detail could not be loaded"}</p>
              <p className="mt-1 break-words">{describeError(detail.error)}</p>
              {notFound ? null : <button type="button" onClick={() => void detail.refetch()} className="mt-2 text-xs font-medium underline">Retry</button>}
            </div>
          )}
          {detail.data && detail.isRefetchError ? (
            <p role="status" className="mt-3 text-xs text-amber-800 dark:text-amber-300">Refresh failed, showing the last answer: {describeError(detail.error)}</p>
          ) : null}
        </div>
      </div>
    </div>
  );
}

function trapFocus(event: React.KeyboardEvent, panel: HTMLElement | null): void {
  if (!panel) return;
  const focusable = panel.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), input, select, textarea, [tabindex]:not([tabindex="-1"])');
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
  else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
}
