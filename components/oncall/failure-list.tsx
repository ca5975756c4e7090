import type { FailedTask } from "@/lib/oncall/types";

interface FailureListProps {
  failures: FailedTask[];
  /** Every failure of the last hour with a known outcome; the list shows the newest few. */
  total: number;
  subAppId: number | null;
  stale: boolean;
}

const href = (params: Record<string, string>, subAppId: number | null) => {
  const search = new URLSearchParams(params);
  if (subAppId !== null) search.set("subAppId", String(subAppId));
  return `/?${search}`;
};

const clock = (iso: string) => iso.slice(11, 19);

/** The last hour's failures, newest first, each with its error code and a link to its detail. */
export function FailureList({ failures, total, subAppId, stale }: FailureListProps) {
  const title = "Last failures";
  return (
    <section aria-label={subAppId === null ? title : `${title}, SubAppId ${subAppId}`} data-testid="recent-failures" data-total={total} className="min-w-0">
      <h3 className="mb-2 text-lg font-bold text-white sm:text-xl">
        {title}, last hour: <span className="tabular-nums">{total}</span>
        {stale ? <span className="ml-2 text-sm font-bold uppercase text-red-300">stale</span> : null}
      </h3>
      {failures.length === 0 ? <p className="text-base text-zinc-300">None known.</p> : (
        <ol className="flex flex-col gap-1">
          {failures.map((task) => (
            <li key={task.taskId}>
              <a href={href({ task: task.taskId }, subAppId)} data-testid="failed-task" data-task-id={task.taskId} title={task.message}
                className="flex items-baseline gap-3 rounded-lg bg-zinc-900 px-3 py-2 text-white hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-sky-400">
                <span className={`shrink-0 font-mono text-base font-bold text-red-300 ${stale ? "line-through" : ""}`}>{task.errorCode ?? "FAIL"}</span>
                <span className="min-w-0 truncate font-mono text-sm text-zinc-200">{task.taskId}</span>
                <span className="ml-auto hidden shrink-0 text-sm text-zinc-300 sm:inline">{task.taskType} · {clock(task.finishTime)} UTC</span>
              </a>
            </li>
          ))}
        </ol>
      )}
      {total > failures.length ? (
        <a href={href({ outcome: "failed", finishedAfter: "now-1h", sort: "finishTime:desc" }, subAppId)} className="mt-2 inline-block text-base text-sky-300 underline">
          List every failure of the hour
        </a>
      ) : null}
    </section>
  );
}
