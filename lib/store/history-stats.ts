import type { TimeBounds } from "@/lib/filters/time-window";
import type { HistoryFilter } from "./history-query";
import type { SqlEngine, SqlValue } from "./sql-engine";
import { type CountGroup, countGroupOf, countGroupsQuery, type DurationGroup, durationGroupOf, durationGroupsQuery, type GroupSource, HOUR_MS, ROLLUPS, ROWS, type Where } from "./stats-groups";
import { RollupCache } from "./rollup-cache";
import { hourOf, refreshRollups, rollupVersion } from "./stats-rollup";

/** What the store counts of a view's history part, in groups the caller turns into statistics. */
export interface HistoryGroups {
  counts: CountGroup[];
  durations: DurationGroup[];
  /**
   * False when the view filters on what the duration rollups do not hold (outcome, errorCode or a
   * FinishTime bound) and so `durations` is empty rather than counted over other tasks.
   */
  durationsCounted: boolean;
}

/** The view's filters (history-query.ts, the task list's own) as a WHERE clause over a source, with these time ranges. */
function whereOf(source: GroupSource, filter: HistoryFilter, created: TimeBounds, finished: TimeBounds | undefined): Where {
  const where: Where = { clauses: ["sub_app_id = ?"], params: [filter.subAppId] };
  const add = (clause: string, value: SqlValue | undefined) => {
    if (value === undefined) return;
    where.clauses.push(clause);
    where.params.push(value);
  };
  add("status = ?", filter.status);
  add("task_type = ?", filter.type);
  add("file_id = ?", filter.fileId);
  add(`${source.outcome} = ?`, filter.outcome);
  // An error code belongs to a failure: a success never matches one.
  if (filter.errorCode !== undefined) add(`${source.outcome} = ?`, "failed");
  add(`${source.errorCode} = ?`, filter.errorCode);
  add(`${source.created} >= ?`, created.after);
  add(`${source.created} < ?`, created.before);
  if (finished) {
    // A FinishTime bound leaves unfinished tasks out (-1 in the rollups).
    where.clauses.push(`${source.finished} >= 0`);
    add(`${source.finished} >= ?`, finished.after);
    add(`${source.finished} < ?`, finished.before);
  }
  return where;
}

const ceilHour = (ms: number) => hourOf(ms + HOUR_MS - 1);

/**
 * A range cut into whole hours (the rollups answer for them) and the partial hours at its ends (the
 * rows do): `whole` undefined when not even one whole hour fits. An open end has no partial hour.
 */
function splitHours(range: TimeBounds): { whole?: TimeBounds; edges: TimeBounds[] } {
  const start = range.after === undefined ? undefined : ceilHour(range.after);
  const end = range.before === undefined ? undefined : hourOf(range.before);
  if (start !== undefined && end !== undefined && start >= end) return { edges: [range] };
  const edges: TimeBounds[] = [];
  if (start !== undefined && range.after! < start) edges.push({ after: range.after, before: start });
  if (end !== undefined && end < range.before!) edges.push({ after: end, before: range.before });
  return { whole: { after: start, before: end }, edges };
}

/**
 * Counts the view's history part: tasks created in `filter.created` (which must end where the
 * mirror's part begins). Whole hours come from the rollups (their dirty hours recomputed first),
 * the partial hours at the edges of the created and finished ranges from the rows, each task
 * counted once. A filter the rollups do not hold (fileId) is counted from the rows throughout:
 * exact, but a scan of the application's history.
 */
export async function historyGroups(engine: SqlEngine, filter: HistoryFilter, bucketMs: number): Promise<HistoryGroups> {
  const byFinish = filter.finished.after !== undefined || filter.finished.before !== undefined;
  const finishedAll = byFinish ? filter.finished : undefined;
  const parts: { source: GroupSource; where: Where }[] = [];
  const created = filter.fileId === undefined ? splitHours(filter.created) : { edges: [filter.created] };
  for (const edge of created.edges) parts.push({ source: ROWS, where: whereOf(ROWS, filter, edge, finishedAll) });
  if (created.whole) {
    const finished = byFinish ? splitHours(filter.finished) : { whole: undefined, edges: [] };
    for (const edge of finished.edges) parts.push({ source: ROWS, where: whereOf(ROWS, filter, created.whole, edge) });
    if (!byFinish || finished.whole) {
      if (created.whole.before !== undefined) await refreshRollups(engine, created.whole.before, filter.subAppId);
      parts.push({ source: ROLLUPS, where: whereOf(ROLLUPS, filter, created.whole, finished.whole) });
    }
  }
  // The duration rollups hold type and status only: other filters leave durations out, said so.
  const durationsCounted = !parts.some((part) => part.source === ROLLUPS) || (filter.outcome === undefined && filter.errorCode === undefined && !byFinish);
  // Read after the refresh: the rollups read below are at least this version.
  const version = await rollupVersion(engine);
  const cache = RollupCache.of(engine);
  const answers = await Promise.all(parts.map(async ({ source, where }) => {
    const read = <Row>(query: { sql: string; params: SqlValue[] }) =>
      (source === ROLLUPS ? cache.query<Row>(engine, version, query.sql, query.params) : engine.query<Row>(query.sql, query.params));
    const counts = countGroupsQuery(source, where, bucketMs);
    const durations = durationGroupsQuery(source, where);
    return {
      counts: (await read<Parameters<typeof countGroupOf>[0]>(counts)).map(countGroupOf),
      durations: durationsCounted ? (await read<Parameters<typeof durationGroupOf>[0]>(durations)).map(durationGroupOf) : [],
    };
  }));
  return { counts: answers.flatMap((answer) => answer.counts), durations: answers.flatMap((answer) => answer.durations), durationsCounted };
}
