import { CloseIcon } from "../icons";
import { labelClass } from "./styles";

/** The `errorCode` filter, set from the errors table: shown beside the status buttons, one click to drop it. */
export function ErrorCodeChip({ code, onClear }: { code: string; onClear: () => void }) {
  return (
    <div className="flex flex-col gap-1" data-testid="error-code-filter">
      <span className={labelClass}>Error code</span>
      <span className="inline-flex h-8 max-w-64 items-center gap-1 rounded-md border border-rose-300 bg-rose-50 pl-2.5 pr-1 text-sm text-rose-900 dark:border-rose-500/40 dark:bg-rose-500/10 dark:text-rose-100">
        <span className="truncate font-mono text-xs" title={code}>{code}</span>
        <button type="button" onClick={onClear} aria-label={`Stop filtering on error code ${code}`}
          className="inline-flex size-6 shrink-0 items-center justify-center rounded hover:bg-rose-100 focus-visible:outline-2 focus-visible:outline-blue-600 dark:hover:bg-rose-500/20">
          <CloseIcon className="size-3.5" />
        </button>
      </span>
    </div>
  );
}
