import { z } from "zod";
import { invalidParameter } from "@/lib/api/errors";
import { FILTER_PARAMS, type TaskQuery } from "@/lib/filters/task-query";
import type { TimeWindow } from "@/lib/filters/time-window";

/**
 * What `nextCursor` carries: upstream's ScrollToken, the time window the first page resolved
 * (so that "now-6h" does not slide while a reader scrolls), and which view it belongs to.
 */
export interface CursorState {
  scrollToken: string;
  window: TimeWindow;
  view: string;
}

const bounds = z.object({ after: z.number().optional(), before: z.number().optional() }).strict();
const cursorShape = z.object({
  t: z.string().min(1).max(512),
  w: z.object({ created: bounds, finished: bounds }).strict(),
  v: z.string().max(64),
}).strict();

/** Identifies a view (filters and sort), so a cursor cannot be replayed against another one. */
export function viewKey(query: TaskQuery): string {
  const parts = [...FILTER_PARAMS.map((name) => `${name}=${query[name] ?? ""}`), `sort=${query.sort}`].join("&");
  let hash = 0x811c9dc5;
  for (let i = 0; i < parts.length; i++) hash = Math.imul(hash ^ parts.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

export function encodeCursor(state: CursorState): string {
  return Buffer.from(JSON.stringify({ t: state.scrollToken, w: state.window, v: state.view })).toString("base64url");
}

export function decodeCursor(text: string, query: TaskQuery): CursorState {
  let parsed: z.infer<typeof cursorShape>;
  try {
    parsed = cursorShape.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
  } catch {
    throw invalidParameter("cursor: is not a cursor this server returned as nextCursor");
  }
  if (parsed.v !== viewKey(query)) {
    throw invalidParameter("cursor: belongs to a different set of filters or sort; start again without it");
  }
  return { scrollToken: parsed.t, window: parsed.w, view: parsed.v };
}
