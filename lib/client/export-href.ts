/** The formats GET /api/tasks/export writes. */
export const EXPORT_CHOICES = [
  { format: "csv", label: "Export CSV" },
  { format: "ndjson", label: "Export NDJSON" },
] as const;

export type ExportChoice = (typeof EXPORT_CHOICES)[number]["format"];

/**
 * The export of a view: its list query (`viewQueries(...).list`, the one the table asks
 * /api/tasks with, "" or "?a=b") with the format added. The server ignores `limit` and `cursor`.
 */
export function exportHref(listQuery: string, format: ExportChoice): string {
  return `/api/tasks/export${listQuery ? `${listQuery}&` : "?"}format=${format}`;
}
