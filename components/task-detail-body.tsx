import { between, formatAge, formatDuration, formatTimestamp, NOT_YET } from "@/lib/client/format-time";
import { useNow } from "@/lib/client/use-now";
import type { TaskDetail } from "@/lib/model/task";
import { subTaskOutcome } from "@/lib/client/outcome-view";
import { StatusBadge } from "./task-status";

/** The result set each step came from, in words. */
const KIND_LABELS: Record<string, string> = {
  MediaProcess: "media processing", AiContentReview: "AI content review", AiAnalysis: "AI analysis", AiRecognition: "AI recognition",
  AiQualityControl: "AI quality control",
};

const SUB_STYLE = {
  success: "text-emerald-700 dark:text-emerald-300",
  failed: "text-rose-700 dark:text-rose-300",
  pending: "text-zinc-600 dark:text-zinc-400",
  none: "text-zinc-700 dark:text-zinc-300",
} as const;

interface TaskDetailBodyProps {
  detail: TaskDetail;
  zone: string | undefined;
  onFilterFile: (fileId: string) => void;
  /** The file's name, once known. */
  fileName?: string | null;
}

function Outcome({ detail }: { detail: TaskDetail }) {
  // A failure is already the status badge's word (and the box above): said once, in red.
  if (detail.outcome === "failed") return null;
  if (detail.outcome === "success") {
    return <span className="rounded-md bg-emerald-50 px-1.5 py-0.5 text-xs font-semibold text-emerald-800 ring-1 ring-inset ring-emerald-600/25 dark:bg-emerald-400/10 dark:text-emerald-300">Succeeded</span>;
  }
  return <span className="text-xs text-zinc-600 dark:text-zinc-400">No outcome yet</span>;
}

function ProgressBar({ value, failed }: { value: number | null; failed: boolean }) {
  if (value === null) return <span className="text-xs text-zinc-500 dark:text-zinc-400">Not reported</span>;
  return (
    <span className="flex items-center gap-2">
      <span role="progressbar" aria-label="Progress" aria-valuenow={value} aria-valuemin={0} aria-valuemax={100}
        className="h-1.5 w-32 overflow-hidden sm:w-40 rounded-full bg-zinc-200 dark:bg-zinc-700">
        <span className={`block h-full rounded-full ${failed ? "bg-rose-600 dark:bg-rose-400" : "bg-blue-600 dark:bg-blue-400"}`} style={{ width: `${Math.min(100, Math.max(0, value))}%` }} />
      </span>
      <span className="text-xs tabular-nums">{value}%</span>
    </span>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-3 py-1.5 sm:grid-cols-[7.5rem_minmax(0,1fr)]">
      <dt className="text-xs font-medium text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="min-w-0 text-sm">{children}</dd>
    </div>
  );
}

const failedSteps = (detail: TaskDetail) => detail.subTasks.filter((sub) => subTaskOutcome(sub, detail.finishTime !== null).state === "failed").length;

export function TaskDetailBody({ detail, zone, onFilterFile, fileName }: TaskDetailBodyProps) {
  const now = useNow();
  const time = (iso: string | null) => iso
    ? <span className="font-mono text-xs tabular-nums">{formatTimestamp(iso, zone)} <span className="font-sans text-zinc-500 dark:text-zinc-400">({formatAge(iso, now)})</span></span>
    : <span className="text-xs italic text-zinc-500 dark:text-zinc-400">{NOT_YET}</span>;
  const running = (from: string | null, to: string | null) => to ? between(from, to) : from && now ? now - Date.parse(from) : null;
  return (
    <div className="space-y-5">
      {detail.outcome === "failed" || detail.errorCode ? (
        <div className="rounded-md border border-rose-200 bg-rose-50 p-3 text-sm dark:border-rose-500/30 dark:bg-rose-500/10" data-testid="detail-error">
          <p className="font-mono text-xs font-semibold text-rose-800 dark:text-rose-200">{detail.errorCode ?? "Failed"}</p>
          <p className="mt-1 break-words text-rose-900 dark:text-rose-100">{detail.message || "No message from upstream."}</p>
        </div>
      ) : null}
      <dl className="divide-y divide-zinc-100 dark:divide-zinc-800">
        <Row label="Status"><span className="flex flex-wrap items-center gap-2"><StatusBadge status={detail.status} outcome={detail.outcome} /> <Outcome detail={detail} /></span></Row>
        <Row label="Progress"><ProgressBar value={detail.progress} failed={detail.outcome === "failed"} /></Row>
        <Row label="Type">{detail.taskType}</Row>
        {fileName ? <Row label="File name"><span className="break-all text-sm" data-testid="detail-file-name">{fileName}</span></Row> : null}
        <Row label="File ID">
          {detail.fileId ? <button type="button" onClick={() => onFilterFile(detail.fileId)} className="break-all font-mono text-xs text-blue-700 hover:underline dark:text-blue-300" title="Show only this file's tasks">{detail.fileId}</button> : "—"}
        </Row>
        <Row label="Created">{time(detail.createTime)}</Row>
        <Row label="Started">{time(detail.beginProcessTime)}</Row>
        <Row label="Finished">{time(detail.finishTime)}</Row>
        <Row label="Wait"><span className="font-mono text-xs">{formatDuration(running(detail.createTime, detail.beginProcessTime))}</span></Row>
        <Row label="Run"><span className="font-mono text-xs">{detail.beginProcessTime ? formatDuration(running(detail.beginProcessTime, detail.finishTime)) : "—"}</span></Row>
        <Row label="Session ID"><span className="break-all font-mono text-xs">{detail.sessionId || "—"}</span></Row>
        <Row label="Session context"><span className="whitespace-pre-wrap break-all font-mono text-xs">{detail.sessionContext || "—"}</span></Row>
        {detail.message && detail.outcome !== "failed" ? <Row label="Message">{detail.message}</Row> : null}
        <Row label="Request ID"><span className="break-all font-mono text-[11px] text-zinc-500 dark:text-zinc-400">{detail.requestId}</span></Row>
      </dl>
      <section aria-labelledby="subtasks-title">
        <h3 id="subtasks-title" className="mb-2 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400">Sub-tasks ({detail.subTasks.length}{failedSteps(detail) ? `, ${failedSteps(detail)} failed` : ""})</h3>
        {detail.subTasks.length === 0 ? <p className="text-sm text-zinc-600 dark:text-zinc-400">None reported.</p> : (
          <div className="overflow-x-auto"><table className="w-full text-left text-xs">
            <thead className="text-zinc-600 dark:text-zinc-400">
              <tr>
                <th scope="col" className="py-1 pr-2 font-medium">Step</th><th scope="col" className="py-1 pr-2 font-medium">Outcome</th>
                <th scope="col" className="py-1 pr-2 font-medium">Progress</th><th scope="col" className="py-1 font-medium">Error</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {detail.subTasks.map((sub, index) => {
                const outcome = subTaskOutcome(sub, detail.finishTime !== null);
                return (
                  <tr key={index} className="align-top" data-testid="subtask" data-outcome={outcome.state}>
                    <td className="py-1.5 pr-2">
                      {sub.type || "—"}{sub.definition !== null ? <span className="text-zinc-500 dark:text-zinc-400"> #{sub.definition}</span> : null}
                      <span className="block text-[11px] text-zinc-500 dark:text-zinc-400">{KIND_LABELS[sub.kind] ?? sub.kind}</span>
                    </td>
                    <td className={`py-1.5 pr-2 font-medium ${SUB_STYLE[outcome.state]}`} title={sub.status ? `upstream: ${sub.status}` : undefined}>{outcome.label}</td>
                    <td className="py-1.5 pr-2 tabular-nums">{sub.progress === null ? "—" : `${sub.progress}%`}</td>
                    <td className="py-1.5 break-words">{sub.errorCode ? <><span className="font-mono">{sub.errorCode}</span> {sub.message}</> : sub.message || "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table></div>
        )}
      </section>
    </div>
  );
}
