import "server-only";
import { invalidParameter } from "@/lib/api/errors";
import { historyLimit } from "@/lib/config/history-limit";
import type { TaskQuery } from "@/lib/filters/task-query";
import { resolveTimeWindow } from "@/lib/filters/time-window";
import { logEvent } from "@/lib/log";
import type { HistoryKey } from "@/lib/store/history-query";
import { ORDERS, storeFilter, storeOrUnavailable, taskOf } from "./history-pages";

export const EXPORT_FORMATS = ["csv", "ndjson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const COLUMNS = ["taskId", "taskType", "status", "fileId", "createTime", "beginProcessTime", "finishTime", "outcome", "errorCode", "sessionId", "sessionContext", "message"] as const;
type ExportRecord = Record<(typeof COLUMNS)[number], string | null>;

/** RFC 4180 quoting; a cell a spreadsheet would run as a formula is prefixed with an apostrophe. */
function csvCell(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const encoders: Record<ExportFormat, { type: string; head: string; line(record: ExportRecord): string }> = {
  csv: { type: "text/csv; charset=utf-8", head: `${COLUMNS.join(",")}\r\n`, line: (r) => `${COLUMNS.map((c) => csvCell(r[c])).join(",")}\r\n` },
  ndjson: { type: "application/x-ndjson", head: "", line: (r) => `${JSON.stringify(r)}\n` },
};

export function parseExportFormat(params: URLSearchParams): ExportFormat {
  const given = params.getAll("format");
  if (given.length > 1) throw invalidParameter("format: is given more than once");
  const format = given[0] || "csv";
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw invalidParameter("format: must be csv or ndjson");
  return format as ExportFormat;
}

const BATCH = 2_000;

/**
 * Exactly the tasks a view filters, in its order, as an attachment streamed from the task store a
 * batch at a time (a million rows never sit in memory). The store holds everything the server has
 * read: the whole 72-hour window once an app's mirror has filled, and the history before it.
 */
export function exportTasks(query: TaskQuery, format: ExportFormat, nowMs: number): Response {
  const resolved = resolveTimeWindow(query, nowMs, historyLimit(nowMs));
  if (!resolved.ok) throw invalidParameter(resolved.message);
  const store = storeOrUnavailable("the export");
  const filter = storeFilter(query, resolved.value, resolved.value.created.before);
  const order = ORDERS[query.sort];
  const encoder = encoders[format];
  const text = new TextEncoder();
  let after: HistoryKey | undefined;
  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(text.encode(encoder.head));
      }
      try {
        const rows = await store.historyPage(filter, order, after, BATCH);
        const last = rows.at(-1);
        if (rows.length > 0) {
          controller.enqueue(text.encode(rows.map((row) => encoder.line({ ...taskOf(row), outcome: row.outcome, errorCode: row.errorCode, message: row.message })).join("")));
        }
        if (!last || rows.length < BATCH) return controller.close();
        after = { time: order.field === "create_time" ? last.createTime : last.finishTime!, taskId: last.taskId };
      } catch (error) {
        // Headers are gone: the only honest signal left is a broken download.
        logEvent("error", "export failed mid-stream", { error: error instanceof Error ? error.message : String(error) });
        controller.error(error);
      }
    },
  });
  const stamp = new Date(nowMs).toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
  return new Response(body, {
    headers: {
      "content-type": encoder.type,
      "content-disposition": `attachment; filename="vod-tasks-${stamp}.${format === "csv" ? "csv" : "ndjson"}"`,
      "cache-control": "no-store",
    },
  });
}
