import { parseTimeExpression } from "@/lib/filters/time-expression";
import { presetsFor } from "@/lib/filters/time-presets";
import type { FilterPatch, Filters } from "./view-query";

/** One reason a view may be empty, and the step that widens it. */
export interface EmptyReason {
  /** What narrows the view, completing "Only tasks …". */
  text: string;
  action: { label: string; patch: FilterPatch };
}

const STATUS_WORDS: Record<string, string> = { WAITING: "waiting", PROCESSING: "processing", FINISH: "finished" };
const DAY_MS = 86_400_000;
const UPSTREAM_DAYS = 3;

function rangeText(after: string | null, before: string | null, when: string, formatTime: (text: string) => string): string {
  const relative = after !== null && before === null ? parseTimeExpression(after) : null;
  if (relative?.kind === "relative") return `${when} in the last ${span(relative.offsetMs)}`;
  if (after && before) return `${when} between ${formatTime(after)} and ${formatTime(before)}`;
  if (after) return `${when} after ${formatTime(after)}`;
  return `${when} before ${formatTime(before ?? "")}`;
}

function span(ms: number): string {
  if (ms % DAY_MS === 0 && ms >= 2 * DAY_MS) return `${ms / DAY_MS} days`;
  if (ms % 3_600_000 === 0) return ms === 3_600_000 ? "hour" : `${ms / 3_600_000} hours`;
  return ms % 60_000 === 0 ? `${ms / 60_000} min` : `${Math.round(ms / 1_000)} s`;
}

/**
 * Why a view that shows nothing may be empty, filter by filter, each with the one step that widens
 * it: a status, outcome, error code, file or type dropped; a short relative window grown to the
 * next preset; a fixed window opened. Without any time filter the view is upstream's 72 hours, and
 * with a store keeping more, looking further back is offered. Nothing is offered that would not widen.
 */
export function emptyViewReasons(filters: Filters, historyDays: number, formatTime: (text: string) => string): EmptyReason[] {
  const reasons: EmptyReason[] = [];
  if (filters.status) reasons.push({ text: `${STATUS_WORDS[filters.status] ?? filters.status}`, action: { label: "Any status", patch: { status: null } } });
  if (filters.outcome) reasons.push({ text: `that ${filters.outcome === "failed" ? "failed" : "succeeded"} (of those whose outcome is known)`, action: { label: "Any outcome", patch: { outcome: null } } });
  if (filters.errorCode) reasons.push({ text: `that failed with ${filters.errorCode}`, action: { label: "Any error code", patch: { errorCode: null } } });
  if (filters.fileId) reasons.push({ text: `of file ${filters.fileId}`, action: { label: "Any file", patch: { fileId: null } } });
  if (filters.fileName) reasons.push({ text: `whose file name starts with "${filters.fileName}" (among the loaded rows whose names are known)`, action: { label: "Any file name", patch: { fileName: null } } });
  if (filters.type) reasons.push({ text: `of type ${filters.type}`, action: { label: "Any type", patch: { type: null } } });

  const presets = presetsFor(historyDays);
  const created = widenRange(filters.createdAfter, filters.createdBefore, presets);
  if (created) {
    reasons.push({ text: rangeText(filters.createdAfter, filters.createdBefore, "created", formatTime),
      action: { label: created.label, patch: { createdAfter: created.after, createdBefore: null } } });
  }
  const finished = widenRange(filters.finishedAfter, filters.finishedBefore, presets);
  if (finished) {
    reasons.push({ text: rangeText(filters.finishedAfter, filters.finishedBefore, "finished", formatTime),
      action: { label: finished.after === null ? "Any finish time" : finished.label, patch: { finishedAfter: finished.after, finishedBefore: null } } });
  }
  const timeFiltered = [filters.createdAfter, filters.createdBefore, filters.finishedAfter, filters.finishedBefore].some((value) => value !== null);
  if (!timeFiltered && historyDays > UPSTREAM_DAYS) {
    reasons.push({ text: `created in the last 3 days (upstream's window; this dashboard keeps ${historyDays} days)`,
      action: { label: `Look back ${historyDays} days`, patch: { createdAfter: `now-${historyDays}d` } } });
  }
  return reasons;
}

/** The next wider window: the next preset for a relative start, else no time bound at all; null when nothing is wider. */
function widenRange(after: string | null, before: string | null, presets: ReturnType<typeof presetsFor>): { after: string | null; label: string } | null {
  if (after === null && before === null) return null;
  const start = after !== null && before === null ? parseTimeExpression(after) : null;
  if (start?.kind === "relative") {
    const wider = presets.find((preset) => {
      const offset = parseTimeExpression(preset.value);
      return offset?.kind === "relative" && offset.offsetMs > start.offsetMs;
    });
    if (wider) return { after: wider.value, label: wider.label };
  }
  return { after: null, label: "Any time" };
}
