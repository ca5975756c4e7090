import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import { currentIdentity } from "@/lib/auth/identity";
import { z } from "zod";
import { invalidParameter } from "@/lib/api/errors";
import { dashboardSecret } from "@/lib/config/dashboard-secret";
import { FILTER_PARAMS, type TaskQuery } from "@/lib/filters/task-query";
import type { TimeBounds, TimeWindow } from "@/lib/filters/time-window";
import { isTaskId } from "@/lib/model/task-id";

/**
 * What `nextCursor` carries: upstream's ScrollToken, the time window the first page resolved
 * (so that "now-6h" does not slide while a reader scrolls), and which view it belongs to. The
 * client holds it, so it is signed: a cursor this server did not write, or one written for
 * another view or SubAppId, is refused before anything in it is used.
 */
export interface CursorState {
  /** Upstream's ScrollToken; in the history phase, the TaskId of the last row served ("" before the first). */
  scrollToken: string;
  window: TimeWindow;
  view: string;
  /** For a view reaching back past upstream's 72 hours (history-pages.ts). */
  history?: HistoryCursor;
}

export interface HistoryCursor {
  /** Where upstream's window began at the first page: older tasks come from the store. */
  boundary: number;
  phase: "live" | "store";
  /** In the store phase, the sort time of the last row served. */
  keyTime?: number;
}

const bounds = z.object({ after: z.number().optional(), before: z.number().optional() }).strict();
const cursorShape = z.object({
  t: z.string().max(128),
  w: z.object({ created: bounds, finished: bounds }).strict(),
  v: z.string().max(64),
  h: z.object({ b: z.number(), p: z.enum(["live", "store"]), k: z.number().optional() }).strict().optional(),
}).strict();

/**
 * Identifies a view (filters, SubAppId and sort) as seen by one identity, so a cursor cannot be
 * replayed against another view, nor by another person it was passed to (a link holds no cursor).
 */
export function viewKey(query: TaskQuery): string {
  const who = currentIdentity()?.name ?? "";
  const parts = [...FILTER_PARAMS.map((name) => `${name}=${query[name] ?? ""}`), `sort=${query.sort}`, `identity=${who}`].join("&");
  return createHmac("sha256", dashboardSecret()).update(`view\0${parts}`).digest("base64url").slice(0, 22);
}

const sign = (payload: string) => createHmac("sha256", dashboardSecret()).update(`cursor\0${payload}`).digest();

export function encodeCursor(state: CursorState): string {
  const h = state.history && { b: state.history.boundary, p: state.history.phase, k: state.history.keyTime };
  const payload = Buffer.from(JSON.stringify({ t: state.scrollToken, w: state.window, v: state.view, h })).toString("base64url");
  return `${payload}.${sign(payload).toString("base64url")}`;
}

const foreign = () => invalidParameter("cursor: is not a cursor this server returned as nextCursor");

function isSigned(payload: string, signature: string): boolean {
  const expected = sign(payload);
  const given = Buffer.from(signature, "base64url");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A signed window can still be one this server would not ask about today: check it as input. */
function checkBounds(range: TimeBounds, earliestMs: number, latestMs: number): boolean {
  const inside = (ms: number | undefined) => ms === undefined || (Number.isFinite(ms) && ms >= earliestMs && ms <= latestMs);
  return inside(range.after) && inside(range.before) && (range.after === undefined || range.before === undefined || range.after < range.before);
}

export function decodeCursor(text: string, query: TaskQuery, limits: { earliestMs: number; latestMs: number }): CursorState {
  const [payload, signature, ...rest] = text.split(".");
  if (!payload || !signature || rest.length > 0 || !isSigned(payload, signature)) throw foreign();
  let parsed: z.infer<typeof cursorShape>;
  try {
    parsed = cursorShape.parse(JSON.parse(Buffer.from(payload, "base64url").toString("utf8")));
  } catch {
    throw foreign();
  }
  if (parsed.v !== viewKey(query)) throw invalidParameter("cursor: belongs to a different set of filters or sort; start again without it");
  const { earliestMs, latestMs } = limits;
  const inStore = parsed.h?.p === "store";
  // Only a phase of a history view starts with no position; a position in the store is (time, TaskId).
  const tokenOk = parsed.t === "" ? parsed.h !== undefined && parsed.h.k === undefined : isTaskId(parsed.t) && (!inStore || parsed.h?.k !== undefined);
  const historyOk = !parsed.h || (parsed.h.b >= earliestMs && parsed.h.b <= latestMs && (parsed.h.k === undefined || Number.isFinite(parsed.h.k)));
  if (!tokenOk || !historyOk || !checkBounds(parsed.w.created, earliestMs, latestMs) || !checkBounds(parsed.w.finished, earliestMs, latestMs)) throw foreign();
  const history = parsed.h && { boundary: parsed.h.b, phase: parsed.h.p, ...(parsed.h.k === undefined ? {} : { keyTime: parsed.h.k }) };
  return { scrollToken: parsed.t, window: parsed.w, view: parsed.v, ...(history ? { history } : {}) };
}
