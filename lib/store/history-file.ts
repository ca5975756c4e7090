import { z } from "zod";
import { isoSeconds } from "@/lib/model/iso-time";
import { upstreamTimeMs } from "@/lib/vod/normalize-task";
import type { TaskRow } from "./task-row";

/**
 * One line of `npm run history -- export` (NDJSON): a task as the API shows it (times ISO 8601
 * UTC, null for "not yet"), with its SubAppId and outcome, so an import restores it exactly.
 */
export interface HistoryRecord {
  taskId: string;
  subAppId: number | null;
  taskType: string;
  status: string;
  fileId: string;
  createTime: string;
  beginProcessTime: string | null;
  finishTime: string | null;
  sessionId: string;
  sessionContext: string;
  outcome: "success" | "failed" | null;
  errorCode: string | null;
  message: string | null;
}

const at = (ms: number | null) => (ms === null ? null : isoSeconds(ms));

export function historyRecord(row: TaskRow): HistoryRecord {
  return {
    taskId: row.taskId, subAppId: row.subAppId === 0 ? null : row.subAppId, taskType: row.taskType, status: row.status, fileId: row.fileId,
    createTime: isoSeconds(row.createTime), beginProcessTime: at(row.beginTime), finishTime: at(row.finishTime),
    sessionId: row.sessionId, sessionContext: row.sessionContext, outcome: row.outcome, errorCode: row.errorCode, message: row.message,
  };
}

const time = z.string().refine((text) => upstreamTimeMs(text) !== null, "must be an ISO 8601 time");
const recordShape = z.object({
  taskId: z.string().min(1).max(256),
  subAppId: z.number().int().nonnegative().nullish(),
  taskType: z.string().max(256),
  status: z.string().min(1).max(64),
  fileId: z.string().max(256).default(""),
  createTime: time,
  beginProcessTime: time.nullish(),
  finishTime: time.nullish(),
  sessionId: z.string().default(""),
  sessionContext: z.string().default(""),
  outcome: z.enum(["success", "failed"]).nullish(),
  errorCode: z.string().nullish(),
  message: z.string().nullish(),
});

/** Reads one line of an export; an error names the field that is wrong. */
export function rowFromHistoryLine(line: string): TaskRow {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    throw new Error("is not JSON");
  }
  const parsed = recordShape.safeParse(json);
  if (!parsed.success) throw new Error(parsed.error.issues.map((issue) => `${issue.path.join(".") || "record"}: ${issue.message}`).join("; "));
  const r = parsed.data;
  const ms = (text: string | null | undefined) => (text ? upstreamTimeMs(text) : null);
  return {
    taskId: r.taskId, subAppId: r.subAppId ?? 0, taskType: r.taskType, status: r.status, fileId: r.fileId, createTime: ms(r.createTime)!,
    beginTime: ms(r.beginProcessTime), finishTime: ms(r.finishTime), sessionId: r.sessionId, sessionContext: r.sessionContext,
    outcome: r.outcome ?? null, errorCode: r.outcome ? (r.errorCode ?? null) : null, message: r.outcome ? (r.message ?? null) : null,
  };
}
