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

/** Turns the query's time filters, relative or absolute, into fixed bounds at `nowMs`. */
export function resolveTimeWindow(query: TaskQuery, nowMs: number): ParseResult<TimeWindow> {
  const created = bounds(query.createdAfter, query.createdBefore, nowMs);
  const finished = bounds(query.finishedAfter, query.finishedBefore, nowMs);
  if (created.after !== undefined && created.before !== undefined && created.after >= created.before) {
    return invalidParam("createdBefore", "must be later than createdAfter");
  }
  if (finished.after !== undefined && finished.before !== undefined && finished.after >= finished.before) {
    return invalidParam("finishedBefore", "must be later than finishedAfter");
  }
  return { ok: true, value: { created, finished } };
}
