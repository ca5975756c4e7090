/**
 * The task table's columns, in their default order: the one list the table, its header, the
 * skeleton and the Columns menu read (components/task-table/columns.tsx adds how each cell looks).
 */
export const TABLE_COLUMNS = [
  { id: "taskId", label: "Task ID" },
  { id: "type", label: "Type" },
  { id: "status", label: "Status" },
  { id: "outcome", label: "Outcome" },
  { id: "fileId", label: "File ID" },
  { id: "created", label: "Created" },
  { id: "started", label: "Started" },
  { id: "finished", label: "Finished" },
  { id: "wait", label: "Wait" },
  { id: "run", label: "Run" },
  { id: "session", label: "Session" },
] as const;

export type ColumnId = (typeof TABLE_COLUMNS)[number]["id"];

/** The column that names the row and opens its detail: it cannot be hidden. */
export const LOCKED_COLUMN: ColumnId = "taskId";

export const COLUMN_IDS: readonly ColumnId[] = TABLE_COLUMNS.map((column) => column.id);

const LABELS = new Map<string, string>(TABLE_COLUMNS.map((column) => [column.id, column.label]));

export function isColumnId(value: unknown): value is ColumnId {
  return typeof value === "string" && LABELS.has(value);
}

export function columnLabel(id: ColumnId): string {
  return LABELS.get(id) ?? id;
}
