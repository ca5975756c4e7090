import { invalidParam, type ParseResult, type TaskQuery } from "./task-query";
import { parseTimeExpression, resolveTime } from "./time-expression";

/** A half-open range in epoch milliseconds: after is inclusive, before exclusive, as upstream. */
export interface TimeBounds {
  after?: number;
  before?: number;
}

export interface TimeWindow {
  created: TimeBounds;
  finished: TimeBounds;
}

function bounds(after: string | undefined, before: string | undefined, nowMs: number): TimeBounds {
  const resolve = (text: string | undefined) => {
    const expression = text === undefined ? null : parseTimeExpression(text);
    return expression ? resolveTime(expression, nowMs) : undefined;
  };
  return { after: resolve(after), before: resolve(before) };
}

/** How far back the server keeps tasks: a bound before `earliestMs` can only ever find nothing. */
export interface HistoryLimit {
  earliestMs: number;
  keptDays: number;
}

/** Turns the query's time filters, relative or absolute, into fixed bounds at `nowMs`. */
export function resolveTimeWindow(query: TaskQuery, nowMs: number, history?: HistoryLimit): ParseResult<TimeWindow> {
  const created = bounds(query.createdAfter, query.createdBefore, nowMs);
  const finished = bounds(query.finishedAfter, query.finishedBefore, nowMs);
  if (history) {
    const named = { createdAfter: created.after, createdBefore: created.before, finishedAfter: finished.after, finishedBefore: finished.before };
    for (const [name, ms] of Object.entries(named)) {
      if (ms !== undefined && ms < history.earliestMs) return invalidParam(name, `reaches back further than the ${history.keptDays} days this dashboard keeps`);
    }
  }
  const reversed = reversedRange(created, "created") ?? reversedRange(finished, "finished");
  if (reversed) return invalidParam(reversed.param, reversed.message);
  return { ok: true, value: { created, finished } };
}

export interface ReversedRange {
  /** The bound that is refused: `createdBefore` or `finishedBefore`. */
  param: "createdBefore" | "finishedBefore";
  message: string;
}

function reversedRange(range: TimeBounds, name: "created" | "finished"): ReversedRange | null {
  if (range.after === undefined || range.before === undefined || range.after < range.before) return null;
  return { param: `${name}Before`, message: `must be later than ${name}After` };
}

/**
 * The ranges of a view whose end is not after its start, at `nowMs`: the API refuses them, so the
 * page names them beside their fields instead of asking. Unparseable bounds count as absent here.
 */
export function reversedRanges(filters: Partial<Record<"createdAfter" | "createdBefore" | "finishedAfter" | "finishedBefore", string | null>>, nowMs: number): ReversedRange[] {
  const or = (text: string | null | undefined) => text ?? undefined;
  const created = bounds(or(filters.createdAfter), or(filters.createdBefore), nowMs);
  const finished = bounds(or(filters.finishedAfter), or(filters.finishedBefore), nowMs);
  return [reversedRange(created, "created"), reversedRange(finished, "finished")].filter((range) => range !== null);
}
