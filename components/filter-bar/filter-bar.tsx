"use client";
import { useState, type Ref } from "react";
import type { StatusCounts } from "@/lib/stats/stats";
import { SORTS, taskQueryParams, type Sort } from "@/lib/filters/task-query";
import type { TimePreset } from "@/lib/filters/time-presets";
import type { ReversedRange } from "@/lib/filters/time-window";
import type { FilterPatch, Filters } from "@/lib/client/view-query";
import { KNOWN_TASK_TYPES, knownTaskType } from "@/lib/model/task-types";
import { FilterIcon } from "../icons";
import { DebouncedInput } from "./debounced-input";
import { ErrorCodeChip } from "./error-code-chip";
import { StatusFilter } from "./status-filter";
import { controlClass, labelClass, buttonClass } from "./styles";
import { TimeRangeFilter } from "./time-range-filter";

const SORT_LABELS: Record<Sort, string> = {
  "createTime:desc": "Newest created first",
  "createTime:asc": "Oldest created first",
  "finishTime:desc": "Latest finished first",
  "finishTime:asc": "Earliest finished first",
};


interface FilterBarProps {
  filters: Filters;
  /** `typing` marks changes from text boxes: they replace the history entry instead of pushing one. */
  onChange: (patch: FilterPatch, typing?: boolean) => void;
  onClear: () => void;
  statusCounts: StatusCounts | undefined;
  /** Failed tasks of the window with a known outcome, from /api/stats. */
  failedCount: number | undefined;
  seenTypes: string[];
  subAppIds: number[];
  zone: string | undefined;
  searchRef: Ref<HTMLInputElement>;
  filtered: boolean;
  /** Ranges of the URL whose end is not after their start: said beside their fields, left out of the view. */
  reversed: ReversedRange[];
  /** The time filters' quick choices (presetsFor VOD_HISTORY_DAYS). */
  presets: readonly TimePreset[];
}

export function FilterBar({ filters, onChange, onClear, statusCounts, failedCount, seenTypes, subAppIds, zone, searchRef, filtered, reversed, presets }: FilterBarProps) {
  const types = [...new Set([...seenTypes, ...KNOWN_TASK_TYPES])].sort();
  const unknownType = filters.type !== null && knownTaskType(filters.type) === null;
  // On a phone the filters fold behind one button; from `sm` up they are always shown. Until the
  // button is used, filters that need a word of explanation (a reversed range, an unknown type)
  // are shown open, so that the explanation is read.
  const [chosen, setChosen] = useState<boolean | null>(null);
  const open = chosen ?? (reversed.length > 0 || unknownType);
  const active = [filters.status ?? filters.outcome ?? filters.errorCode, filters.fileId, filters.fileName, filters.type, filters.subAppId, filters.createdAfter ?? filters.createdBefore,
    filters.finishedAfter ?? filters.finishedBefore].filter((value) => value !== null).length;
  const rangeError = (name: "created" | "finished") => reversed.find((range) => range.param === `${name}Before`);
  return (
    <div>
      <button type="button" className={`${buttonClass} w-full justify-center sm:hidden`} aria-expanded={open} aria-controls="filters"
        onClick={() => setChosen(!open)} data-testid="filters-toggle">
        <FilterIcon className="size-3.5" /> {open ? "Hide filters" : "Filters"}{active ? ` · ${active} active` : ""}
      </button>
      <section id="filters" aria-label="Filters" className={`${open ? "flex" : "hidden"} mt-3 flex-col gap-3 sm:mt-0 sm:flex sm:flex-row sm:flex-wrap sm:items-end sm:gap-x-4`}>
      <StatusFilter value={{ status: filters.status, outcome: filters.outcome === "failed" ? "failed" : null, errorCode: filters.errorCode }}
        counts={statusCounts} failedCount={failedCount}
        onChange={(choice) => onChange({ status: choice.status as Filters["status"], outcome: choice.outcome, errorCode: choice.errorCode })} />
      {filters.errorCode && filters.errorCode !== "ABORTED" ? <ErrorCodeChip code={filters.errorCode} onClear={() => onChange({ errorCode: null })} /> : null}
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-file-id" className={labelClass}>File ID</label>
        <div className="relative">
          <DebouncedInput id="filter-file-id" inputRef={searchRef} value={filters.fileId} type="search" spellCheck={false} autoComplete="off"
            placeholder="Exact file ID" className="w-full pr-7 font-mono sm:w-52"
            isValid={(value) => taskQueryParams.fileId.parse(value) !== null}
            onCommit={(fileId) => onChange({ fileId }, true)} />
          <kbd className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 rounded border border-zinc-300 px-1 text-[10px] text-zinc-500 max-sm:hidden dark:border-zinc-600 dark:text-zinc-400" aria-hidden="true">/</kbd>
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-file-name" className={labelClass}>File name</label>
        <DebouncedInput id="filter-file-name" value={filters.fileName} type="search" spellCheck={false} autoComplete="off"
          placeholder="Starts with…" className="w-full sm:w-44" aria-describedby="filter-file-name-scope"
          isValid={(value) => taskQueryParams.fileName.parse(value) !== null}
          onCommit={(fileName) => onChange({ fileName }, true)} />
        <p id="filter-file-name-scope" className="text-[11px] text-zinc-500 dark:text-zinc-400">Within the loaded rows</p>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-type" className={labelClass}>Task type</label>
        <DebouncedInput id="filter-type" value={filters.type} list="task-types" spellCheck={false} autoComplete="off"
          placeholder="Any type" className="w-full sm:w-48" aria-describedby={unknownType ? "filter-type-unknown" : undefined}
          isValid={(value) => taskQueryParams.type.parse(value) !== null}
          onCommit={(type) => onChange({ type: type === null ? null : taskQueryParams.type.parse(type) }, true)} />
        <datalist id="task-types">{types.map((type) => <option key={type} value={type} />)}</datalist>
        {unknownType ? (
          <p id="filter-type-unknown" className="max-w-48 text-[11px] text-amber-800 dark:text-amber-300" data-testid="type-unknown">
            Not a known task type: matched exactly as written
          </p>
        ) : null}
      </div>
      <TimeRangeFilter name="created" label="Created" zone={zone} after={filters.createdAfter} before={filters.createdBefore} refused={rangeError("created")} presets={presets}
        onChange={({ after, before }, typing) => onChange({ createdAfter: after, createdBefore: before }, typing)} />
      <TimeRangeFilter name="finished" label="Finished" zone={zone} after={filters.finishedAfter} before={filters.finishedBefore} refused={rangeError("finished")} presets={presets}
        onChange={({ after, before }, typing) => onChange({ finishedAfter: after, finishedBefore: before }, typing)} />
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-sort" className={labelClass}>Sort</label>
        <select id="filter-sort" className={`${controlClass} max-sm:w-full`} value={filters.sort} onChange={(event) => onChange({ sort: event.target.value as Sort })}>
          {SORTS.map((sort) => <option key={sort} value={sort}>{SORT_LABELS[sort]}</option>)}
        </select>
      </div>
      {subAppIds.length > 1 ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-subapp" className={labelClass}>SubAppId</label>
          <select id="filter-subapp" className={`${controlClass} font-mono max-sm:w-full`} value={filters.subAppId ?? subAppIds[0]}
            onChange={(event) => {
              const id = Number(event.target.value);
              onChange({ subAppId: id === subAppIds[0] ? null : id });
            }}>
            {subAppIds.map((id, index) => <option key={id} value={id}>{id}{index === 0 ? " (default)" : ""}</option>)}
          </select>
        </div>
      ) : null}
      {filtered ? <button type="button" className={`${buttonClass} justify-center text-zinc-600 dark:text-zinc-300`} onClick={onClear}>Clear filters</button> : null}
      </section>
    </div>
  );
}
