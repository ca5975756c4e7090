/** The answer of GET /api/oncall, shared by the route and the page. Times are ISO 8601 UTC. */

export type OncallState = "green" | "amber" | "red";

export interface Reason {
  level: "amber" | "red";
  /** What the reason is about, for tests and styling; the text is what people read. */
  kind: "stale" | "loading" | "stall" | "waiting" | "running" | "failures" | "backlog" | "flow";
  text: string;
}

export interface StuckTask {
  taskId: string;
  taskType: string;
  fileId: string;
  createTime: string;
  beginProcessTime: string | null;
  /** Seconds waiting (a WAITING task) or running (a PROCESSING task) so far. */
  seconds: number;
  /** red: beyond twice the SLO. */
  level: "amber" | "red";
}

/** A task of the last hour that failed, as its DescribeTaskDetail (or its abort) said. */
export interface FailedTask {
  taskId: string;
  taskType: string;
  finishTime: string;
  /** ABORTED for an abort; null when upstream gave none. */
  errorCode: string | null;
  message: string;
}

export interface OncallTiles {
  /** byStatus of GET /api/stats for the same SubAppId, from the same sync. */
  waiting: number;
  processing: number;
  /** FINISH or ABORTED in the last hour. */
  endedLastHour: number;
  /** Tasks ended per minute, averaged over the last 15 whole minutes. */
  throughputPerMinute: number;
  oldestWaitingSeconds: number | null;
  longestRunningSeconds: number | null;
  /** Percent of the last hour's ended tasks with a known outcome that failed; null before enough are known. */
  failureRate: number | null;
  outcomesKnown: number;
  outcomesFailed: number;
  backlog15mAgo: number;
  /** Percent; null when the backlog was empty 15 minutes ago. */
  backlogGrowthPct: number | null;
}

export interface OncallApp {
  /** null: the account's default app (no VOD_SUBAPP_IDS configured). */
  subAppId: number | null;
  state: OncallState;
  reasons: Reason[];
  /** The numbers are not current: shown dimmed and labelled, never as if they were. */
  stale: boolean;
  /** The first read of the 72-hour window is still under way: the numbers are incomplete. */
  loading: boolean;
  /** False until upstream has answered at least once: the numbers are then placeholders, not zeros. */
  hasData: boolean;
  /** When the server's mirror last caught up with upstream (the same value /api/stats reports). */
  syncedAt: string | null;
  dataAgeSeconds: number | null;
  lastError: { code: string; message: string; at: string } | null;
  tiles: OncallTiles;
  /** Tasks ended per minute, averaged per 5-minute bucket, over 6 hours; the last bucket is the current one. */
  throughput: { bucketMinutes: number; from: string; perMinute: number[] };
  stuck: { waiting: StuckTask[]; processing: StuckTask[]; waitingTotal: number; processingTotal: number };
  /** The last hour's failures whose outcome is known, newest first, at most FAILURE_LIST_LIMIT; the tile counts them all. */
  recentFailures: FailedTask[];
}

export interface OncallResponse {
  generatedAt: string;
  /** The thresholds applied, in seconds and percent, and the refresh the staleness was judged by. */
  thresholds: { waitSlo: number; runSlo: number; growth: number; failRate: number; stall: number; refresh: string; staleAfterSeconds: number };
  /** The worst state of the apps. */
  state: OncallState;
  /** Stuck tasks of every app together, for the page title. */
  stuckTotal: number;
  apps: OncallApp[];
}
