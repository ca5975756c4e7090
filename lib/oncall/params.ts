import { integerParam, literalParam, type ParamKind } from "@/lib/filters/param-kinds";
import { readParams, type ParseResult } from "@/lib/filters/read-params";
import { taskQueryParams } from "@/lib/filters/task-query";
import { DEFAULT_REFRESH, REFRESH_CHOICES, refreshMs, type Refresh } from "@/lib/model/refresh";
import { durationParam } from "./duration";

/**
 * Data older than three polls is stale. With polling off the screen still counts time, against
 * the default interval: a number that stopped moving 30 s ago is not a current number.
 */
export function staleAfterMs(refresh: Refresh): number {
  return 3 * (refreshMs(refresh) ?? refreshMs(ONCALL_DEFAULTS.refresh)!);
}

/**
 * The on-call view's parameters, defined once: the page URL, the nuqs parsers (url-state.ts) and
 * GET /api/oncall all read them from here, so a shared link and the API agree on the thresholds.
 */
export const oncallParams = {
  /** A task WAITING longer than this is stuck. */
  waitSlo: durationParam(1, 72 * 3_600),
  /** A task PROCESSING longer than this is stuck. */
  runSlo: durationParam(1, 72 * 3_600),
  refresh: literalParam(REFRESH_CHOICES),
  /** Backlog growth over 15 minutes, in percent, that turns the view amber. */
  growth: integerParam(1, 10_000),
  /** Failure rate of the last hour, in percent, that turns the view amber (twice it: red). */
  failRate: integerParam(1, 100),
  /** Tasks wait and none started for this long: the queue is stalled (amber). */
  stall: durationParam(30, 3_600),
  subAppId: taskQueryParams.subAppId,
} satisfies Record<string, ParamKind<unknown>>;

export const ONCALL_DEFAULTS = { waitSlo: 600, runSlo: 3_600, refresh: DEFAULT_REFRESH, growth: 25, failRate: 10, stall: 120 } as const satisfies Partial<OncallQuery>;

export interface Thresholds {
  waitSlo: number;
  runSlo: number;
  growth: number;
  failRate: number;
  stall: number;
}

export interface OncallQuery extends Thresholds {
  refresh: Refresh;
  /** Absent: every configured SubAppId, one column each. */
  subAppId?: number;
}

/** Reads the query string strictly, like parseTaskQuery: a refused value is a 400 naming it. */
export function parseOncallQuery(params: URLSearchParams, options: { subAppIds: readonly number[] }): ParseResult<OncallQuery> {
  return readParams(oncallParams, params, ONCALL_DEFAULTS, options) as ParseResult<OncallQuery>;
}
