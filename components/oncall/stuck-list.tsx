import { formatDuration } from "@/lib/client/format-time";
import type { StuckTask } from "@/lib/oncall/types";

/** Shown per list; the rest are one click away on the dashboard, filtered and sorted oldest first. */
const SHOWN = 12;

interface StuckListProps {
  title: string;
  kind: "waiting" | "running";
  tasks: StuckTask[];
  total: number;
  subAppId: number | null;
  stale: boolean;
}

function taskHref(taskId: string, subAppId: number | null): string {
  const params = new URLSearchParams();
  if (subAppId !== null) params.set("subAppId", String(subAppId));
  params.set("task", taskId);
  return `/?${params}`;
}

function listHref(kind: StuckListProps["kind"], subAppId: number | null): string {
  const params = new URLSearchParams({ status: kind === "waiting" ? "WAITING" : "PROCESSING", sort: "createTime:asc" });
  if (subAppId !== null) params.set("subAppId", String(subAppId));
  return `/?${params}`;
}

export function StuckList({ title, kind, tasks, total, subAppId, stale }: StuckListProps) {
  const headingId = `stuck-${kind}-${subAppId ?? "default"}`;
  return (
    // Named with its app: two apps' lists side by side must not be two landmarks of the same name.
    <section aria-label={subAppId === null ? title : `${title}, SubAppId ${subAppId}`} data-testid={`stuck-${kind}`} data-total={total} className="min-w-0">
      <h3 id={headingId} className="mb-2 text-lg font-bold text-white sm:text-xl">
        {title}: <span className="tabular-nums">{total}</span>
        {stale ? <span className="ml-2 text-sm font-bold uppercase text-red-300">stale</span> : null}
      </h3>
      {total === 0 ? <p className="text-base text-zinc-300">None.</p> : (
        <ol className="flex flex-col gap-1">
          {tasks.slice(0, SHOWN).map((task) => (
            <li key={task.taskId}>
              <a href={taskHref(task.taskId, subAppId)} data-testid="stuck-task" data-task-id={task.taskId}
                className="flex items-baseline gap-3 rounded-lg bg-zinc-900 px-3 py-2 text-white hover:bg-zinc-800 focus-visible:outline-2 focus-visible:outline-sky-400">
                <span className={`shrink-0 text-xl font-bold tabular-nums ${task.level === "red" ? "text-red-300" : "text-amber-300"} ${stale ? "line-through" : ""}`}>
                  {formatDuration(task.seconds * 1_000)}
                </span>
                <span className="min-w-0 truncate font-mono text-sm text-zinc-200">{task.taskId}</span>
                <span className="ml-auto hidden shrink-0 text-sm text-zinc-300 sm:inline">{task.taskType}</span>
              </a>
            </li>
          ))}
        </ol>
      )}
      {total > Math.min(SHOWN, tasks.length) ? (
        <a href={listHref(kind, subAppId)} className="mt-2 inline-block text-base text-sky-300 underline">
          {total - Math.min(SHOWN, tasks.length)} more on the dashboard
        </a>
      ) : null}
    </section>
  );
}
