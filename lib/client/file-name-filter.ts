import type { Task } from "@/lib/model/task";

/** Known names by FileId (null: the app has no such file); a file not in the map is not known yet. */
export type FileNames = ReadonlyMap<string, string | null>;

/**
 * The loaded rows whose file's name starts with `prefix`, without regard to case. A row whose
 * name is not known (yet) does not match: the filter speaks only of names it has read.
 */
export function filterByFileName<T extends Pick<Task, "fileId">>(rows: T[], names: FileNames, prefix: string | null): T[] {
  if (!prefix) return rows;
  const start = prefix.toLocaleLowerCase();
  return rows.filter((row) => names.get(row.fileId)?.toLocaleLowerCase().startsWith(start) ?? false);
}
