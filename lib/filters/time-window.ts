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
  if (created.after !== undefined && created.before !== undefined && created.after >= created.before) {
    return invalidParam("createdBefore", "must be later than createdAfter");
  }
  if (finished.after !== undefined && finished.before !== undefined && finished.after >= finished.before) {
    return invalidParam("finishedBefore", "must be later than finishedAfter");
  }
  return { ok: true, value: { created, finished } };
}
