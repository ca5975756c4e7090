import { AlertIcon } from "./icons";

export interface UrlProblem {
  param: string;
  value: string;
  reason: string;
}

/**
 * Says which values of the page's link were ignored, and why: the page shows the wider view
 * rather than failing, but never silently (`?status=FAILED` is not "all tasks").
 */
export function UrlNotice({ problems }: { problems: UrlProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <div role="status" data-testid="url-notice"
      className="flex gap-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-100">
      <AlertIcon className="mt-0.5 size-4 shrink-0 text-amber-600 dark:text-amber-400" />
      <div className="min-w-0">
        <p className="font-medium">Part of this link was ignored:</p>
        <ul className="mt-1 space-y-0.5">
          {problems.map((problem) => (
            <li key={problem.param} data-param={problem.param} className="break-words">
              <code className="font-mono text-xs">{problem.param}={problem.value}</code>: {problem.reason}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
