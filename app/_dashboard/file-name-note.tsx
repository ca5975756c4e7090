"use client";
import type { FileNames } from "@/lib/client/file-name-filter";
import type { Task } from "@/lib/model/task";

interface FileNameNoteProps {
  prefix: string;
  /** Rows the name filter keeps. */
  shown: number;
  loadedRows: readonly Pick<Task, "fileId">[];
  names: FileNames;
  onClear: () => void;
}

/** Says what the name filter can and cannot see: it matches only within the rows loaded so far, by the names known. */
export function FileNameNote({ prefix, shown, loadedRows, names, onClear }: FileNameNoteProps) {
  const known = loadedRows.filter((row) => typeof names.get(row.fileId) === "string").length;
  return (
    <p role="note" data-testid="file-name-note" className="mb-2 text-xs text-zinc-600 dark:text-zinc-400">
      File names starting with <span className="font-medium text-zinc-900 dark:text-zinc-100">“{prefix}”</span>: {shown} of the {loadedRows.length} loaded
      tasks ({known} with a known name). It matches within the loaded window only; load more below to look further.{" "}
      <button type="button" onClick={onClear} className="font-medium text-blue-700 underline underline-offset-2 dark:text-blue-300">Any file name</button>
    </p>
  );
}
