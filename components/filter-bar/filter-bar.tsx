"use client";
import type { Ref } from "react";
import type { StatusCounts } from "@/lib/stats/stats";
import { SORTS, taskQueryParams, type Sort } from "@/lib/filters/task-query";
import type { FilterPatch, Filters } from "@/lib/client/view-query";
import { DebouncedInput } from "./debounced-input";
import { StatusFilter } from "./status-filter";
import { controlClass, labelClass, buttonClass } from "./styles";
import { TimeRangeFilter } from "./time-range-filter";

const SORT_LABELS: Record<Sort, string> = {
  "createTime:desc": "Newest created first",
  "createTime:asc": "Oldest created first",
  "finishTime:desc": "Latest finished first",
  "finishTime:asc": "Earliest finished first",
};

/** Types VOD reports most; the datalist also offers every type seen in the current window. */
const COMMON_TYPES = ["Procedure", "EditMedia", "PullUpload", "ReviewAudioVideo", "SplitMedia", "ComposeMedia", "RemoveWatermark"];

interface FilterBarProps {
  filters: Filters;
  /** `typing` marks changes from text boxes: they replace the history entry instead of pushing one. */
  onChange: (patch: FilterPatch, typing?: boolean) => void;
  onClear: () => void;
  statusCounts: StatusCounts | undefined;
  seenTypes: string[];
  subAppIds: number[];
  zone: string | undefined;
  searchRef: Ref<HTMLInputElement>;
  filtered: boolean;
}

export function FilterBar({ filters, onChange, onClear, statusCounts, seenTypes, subAppIds, zone, searchRef, filtered }: FilterBarProps) {
  const types = [...new Set([...seenTypes, ...COMMON_TYPES])].sort();
  return (
    <section aria-label="Filters" className="flex flex-wrap items-end gap-x-4 gap-y-3">
      <StatusFilter value={filters.status} counts={statusCounts} onChange={(status) => onChange({ status: status as Filters["status"] })} />
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-file-id" className={labelClass}>File ID</label>
        <div className="relative">
          <DebouncedInput id="filter-file-id" inputRef={searchRef} value={filters.fileId} type="search" spellCheck={false} autoComplete="off"
            placeholder="Exact file ID" className="w-52 pr-7 font-mono"
            isValid={(value) => taskQueryParams.fileId.parse(value) !== null}
            onCommit={(fileId) => onChange({ fileId }, true)} />
          <kbd className="pointer-events-none absolute right-2 top-1/2 -translate-y-1/2 rounded border border-zinc-300 px-1 text-[10px] text-zinc-500 dark:border-zinc-600 dark:text-zinc-400" aria-hidden="true">/</kbd>
        </div>
      </div>
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-type" className={labelClass}>Task type</label>
        <DebouncedInput id="filter-type" value={filters.type} list="task-types" spellCheck={false} autoComplete="off"
          placeholder="Any type" className="w-44"
          isValid={(value) => taskQueryParams.type.parse(value) !== null}
          onCommit={(type) => onChange({ type }, true)} />
        <datalist id="task-types">{types.map((type) => <option key={type} value={type} />)}</datalist>
      </div>
      <TimeRangeFilter name="created" label="Created" zone={zone} after={filters.createdAfter} before={filters.createdBefore}
        onChange={({ after, before }, typing) => onChange({ createdAfter: after, createdBefore: before }, typing)} />
      <TimeRangeFilter name="finished" label="Finished" zone={zone} after={filters.finishedAfter} before={filters.finishedBefore}
        onChange={({ after, before }, typing) => onChange({ finishedAfter: after, finishedBefore: before }, typing)} />
      <div className="flex flex-col gap-1">
        <label htmlFor="filter-sort" className={labelClass}>Sort</label>
        <select id="filter-sort" className={controlClass} value={filters.sort} onChange={(event) => onChange({ sort: event.target.value as Sort })}>
          {SORTS.map((sort) => <option key={sort} value={sort}>{SORT_LABELS[sort]}</option>)}
        </select>
      </div>
      {subAppIds.length > 1 ? (
        <div className="flex flex-col gap-1">
          <label htmlFor="filter-subapp" className={labelClass}>SubAppId</label>
          <select id="filter-subapp" className={`${controlClass} font-mono`} value={filters.subAppId ?? subAppIds[0]}
            onChange={(event) => {
              const id = Number(event.target.value);
              onChange({ subAppId: id === subAppIds[0] ? null : id });
            }}>
            {subAppIds.map((id, index) => <option key={id} value={id}>{id}{index === 0 ? " (default)" : ""}</option>)}
          </select>
        </div>
      ) : null}
      {filtered ? <button type="button" className={`${buttonClass} text-zinc-600 dark:text-zinc-300`} onClick={onClear}>Clear filters</button> : null}
    </section>
  );
}
