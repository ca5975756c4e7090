import { ApiError, invalidParameter } from "@/lib/api/errors";
import type { TaskQuery } from "@/lib/filters/task-query";
import { resolveTimeWindow } from "@/lib/filters/time-window";
import type { Stats } from "@/lib/stats/stats";
import { runAs, SYSTEM } from "@/lib/vod/caller";
import type { Gateway } from "@/lib/vod/gateway";
import { WINDOW_MS } from "@/lib/vod/wire";
import { computeStats } from "./compute-stats";
import { describeCoverage } from "./coverage";
import { waitingAt } from "./backlog";
import { WindowFill } from "./fill";
import { syncIncrementally, type SyncCursors } from "./incremental-sync";
import { isoSeconds } from "@/lib/model/iso-time";
import type { Outcome } from "@/lib/model/task";
import { logEvent } from "@/lib/log";
import type { MirrorStore } from "./mirror-store";
import type { LeaseTerm } from "@/lib/store/task-store";
import type { MirrorHealth, MirrorView } from "./mirror-view";
import { activeTasks, finishedPerMinute, startedSince } from "./oncall";
import { OutcomeColumns, UNKNOWN } from "./outcome-columns";
import { OutcomeWorker, type OutcomeWorkerDeps } from "./outcome-worker";
import { OutcomeTracker } from "./outcomes";
import type { Pacer } from "./pacer";
import { PendingChecks } from "./pending-checks";
import { sleep } from "./sleep";
import { endedBetween } from "./ended-between";
import { followStore, placeRows } from "./follow-store";
import { StatsCache } from "./stats-cache";
import { TaskColumns } from "./task-columns";
import { taskUpdates } from "./task-updates";

export interface MirrorOptions {
  gateway: () => Gateway;
  subAppId: number | undefined;
  /** Caps detail lookups (reconciliation and outcomes); shared by every mirror of the process. */
  pacer: Pacer;
  now?: () => number;
  /** Data older than this is refreshed. */
  syncIntervalMs?: number;
  overlapMs?: number;
  /** How often running tasks are checked against upstream, to catch those that ended unseen... */
  reconcileEveryMs?: number;
  /** ...once they are this old (younger ones almost always end visibly, by FinishTime). */
  reconcileAgeMs?: number;
  fillWorkers?: number;
  /** The timer stops, and outcome lookups pause, when nobody asked for this long. */
  idleStopMs?: number;
  /** Refresh on a timer while someone is looking; tests drive `sync()` themselves. */
  timer?: boolean;
  /** Where the mirror starts from after a restart, and leaves its sync marks. */
  store?: MirrorStore;
  /** Paces the background outcome lookups (VOD_OUTCOME_LOOKUPS_PER_HOUR); `pacer` when absent. */
  outcomePacer?: Pacer;
  /** Outcomes the task store already holds, asked before upstream. */
  storedOutcomes?: OutcomeWorkerDeps["stored"];
  /** Tasks per round of outcome lookups. */
  outcomeBatch?: number;
  /** Outcome lookups in flight beyond `outcomePacer`'s share, on idle budget only (outcome-worker.ts); 0 when absent. */
  outcomeIdleWorkers?: number;
  /** While nobody watches, the outcome worker syncs the mirror when its data is this old. */
  unwatchedSyncMs?: number;
  /**
   * Whether this process collects (reads upstream and writes the store): false on a follower
   * replica, whose syncs read the store instead (lib/replicas/). Asked at every sync.
   */
  collecting?: () => boolean;
  /** The collector's lease term while collecting (lib/replicas/): a sync's marks are written under the term it began in. */
  collectorTerm?: () => LeaseTerm | undefined;
}

/** Outcomes are tracked for the tasks that ended this recently. */
const OUTCOME_PERIOD_MS = 3_600_000;

/**
 * The server-side copy of one SubAppId's 72-hour window. Filled once, then kept current by cheap
 * incremental syncs, one at a time (every caller shares the running one), triggered by requests
 * and by a timer that stops when nobody has asked for a while. A failed sync keeps the data.
 */
export class Mirror implements MirrorView {
  readonly table = new TaskColumns();
  readonly subAppId: number | undefined;
  /** Bumped whenever the data changes; cached answers of an older version are stale. */
  version = 0;
  lastSyncCalls = 0;
  private readonly options: Required<Omit<MirrorOptions, "subAppId" | "store" | "outcomePacer" | "storedOutcomes" | "collectorTerm">>;
  /** The newest store write a follower has read; undefined while collecting. */
  private followCursor?: number;
  /** The oldest write notified since the follower's last look began: the next look reads back to it. */
  private followBack?: number;
  /** When the table was last known whole while collecting (the last good sync's start, a restore, a fill). */
  private collectedAt?: number;
  /** Every outcome the mirror knows, by slot beside the table. */
  readonly outcomeColumns = new OutcomeColumns(this.table);
  private readonly outcomeWorker: OutcomeWorker;
  private readonly outcomePacer: Pacer;
  private readonly store: MirrorStore | undefined;
  private readonly collectorTermOption: MirrorOptions["collectorTerm"];
  private readonly outcomes: OutcomeTracker;
  private readonly cache = new StatsCache();
  /** How long the last statistics took to compute. */
  private statsCostMs = 0;
  private readonly pendingChecks: PendingChecks;
  private fill?: WindowFill;
  private fillStartedAt = 0;
  private fillFinishedAt: number | null = null;
  private cursors?: SyncCursors;
  private syncing?: Promise<void>;
  private syncedAt: number | null = null;
  private lastAttemptAt = -Infinity;
  private lastReconcileAt = -Infinity;
  private lastSync: MirrorHealth["lastSync"] = null;
  private failure: { error: unknown; at: number } | null = null;
  private askedAt = -Infinity;
  private timer?: ReturnType<typeof setInterval>;
  private restoring = false;
  /** Set while the window loaded from the store is being brought up to date. */
  private catchingUp: { loaded: number; since: number } | null = null;

  constructor(options: MirrorOptions) {
    this.subAppId = options.subAppId;
    this.store = options.store;
    this.collectorTermOption = options.collectorTerm;
    this.options = { now: Date.now, syncIntervalMs: 5_000, overlapMs: 10_000, reconcileEveryMs: 60_000, reconcileAgeMs: 600_000, fillWorkers: 24, idleStopMs: 120_000, timer: true,
      outcomeBatch: 64, outcomeIdleWorkers: 0, unwatchedSyncMs: 20_000, collecting: () => true, ...options };
    const { gateway, pacer, now } = this.options;
    const outcomePacer = (this.outcomePacer = options.outcomePacer ?? pacer);
    this.outcomes = new OutcomeTracker({ table: this.table, outcomes: this.outcomeColumns, pacer: outcomePacer, now, periodMs: OUTCOME_PERIOD_MS });
    this.outcomeWorker = new OutcomeWorker({
      table: this.table, outcomes: this.outcomeColumns, gateway, subAppId: this.subAppId, pacer: outcomePacer, workers: 4,
      idleWorkers: this.options.outcomeIdleWorkers, batch: this.options.outcomeBatch, stored: options.storedOutcomes, onLearnt: () => this.version++,
    });
    this.pendingChecks = new PendingChecks({ table: this.table, gateway, subAppId: this.subAppId, pacer, onDetail: (detail) => {
      this.outcomes.remember(detail);
      this.version++;
    } });
  }

  get hasData(): boolean {
    return this.cursors !== undefined || (this.fill?.pages ?? 0) > 0;
  }

  /** When a viewer last asked for this mirror's data (refresh). */
  get lastAskedAt(): number {
    return this.askedAt;
  }

  get lastError(): unknown {
    return this.failure?.error;
  }

  async refresh({ waitMs = 0 }: { waitMs?: number } = {}): Promise<void> {
    this.askedAt = this.options.now();
    this.startTimer();
    this.syncIfStale();
    if (this.syncing && waitMs > 0) await Promise.race([this.syncing, sleep(waitMs)]);
  }

  private syncIfStale(): void {
    // After a failure, the next request retries soon rather than a whole interval later.
    const retryAfter = this.failure ? 1_000 : this.options.syncIntervalMs;
    if (!this.syncing && this.options.now() - this.lastAttemptAt >= retryAfter) void this.sync();
  }

  /**
   * Runs a sync now, or joins the one running. Never throws: failures are kept for health(). It
   * runs as the system, on the budget's reserved share, whichever request happened to start it.
   */
  sync(): Promise<void> {
    this.syncing ??= runAs(SYSTEM, () => this.runSync()).finally(() => (this.syncing = undefined));
    return this.syncing;
  }

  stats(query: TaskQuery, nowMs = this.options.now()): Stats {
    const window = resolveTimeWindow(query, nowMs);
    if (!window.ok) throw invalidParameter(window.message);
    const key = StatsCache.keyOf(query);
    // While filling (or loading from the store) the data changes with every page or batch:
    // recompute at most once a second, and at most a tenth of the time (a pass over a million
    // tasks takes a while, and polls answered meanwhile would otherwise slow the fill itself).
    const cached = this.cache.get(key, this.version, nowMs, this.cursors ? 0 : Math.max(1_000, this.statsCostMs * 10));
    if (cached) return cached;
    const computeStarted = performance.now();
    const stats = computeStats(this.table, query, window.value, nowMs, describeCoverage({
      filled: this.cursors !== undefined, tasks: this.table.count, syncedAt: this.syncedAt, failure: this.failure,
      nowMs, staleAfterMs: Math.max(30_000, this.options.syncIntervalMs * 6), catchingUp: this.catchingUp,
      // A minute of grace: `now-3d` resolved a moment ago is still the mirror's window.
      beyondWindow: (window.value.created.after ?? window.value.finished.after ?? Infinity) < nowMs - WINDOW_MS - 60_000,
    }), this.outcomeColumns);
    this.statsCostMs = performance.now() - computeStarted;
    this.cache.set(key, this.version, nowMs, stats);
    return stats;
  }

  activeTasks({ limit = 100 }: { limit?: number } = {}) {
    return activeTasks(this.table, this.options.now(), limit);
  }

  waitingAt(atMs: number): number {
    return waitingAt(this.table, atMs);
  }

  startedSince(sinceMs: number): number {
    return startedSince(this.table, sinceMs);
  }

  finishedPerMinute({ hours = 6 }: { hours?: number } = {}) {
    return finishedPerMinute(this.table, this.options.now(), hours);
  }

  tasksByIds(ids: readonly string[]) {
    return taskUpdates(this.table, ids, this.outcomeColumns);
  }

  endedBetween(fromMs: number, toMs: number) {
    return endedBetween(this.table, fromMs, toMs);
  }

  /** A task's outcome and error code as the mirror knows them; nulls while unknown or not held. */
  outcomeOf(taskId: string): { outcome: Outcome; errorCode: string | null } {
    const slot = this.table.slotOf(taskId);
    if (slot < 0) return { outcome: null, errorCode: null };
    const outcome = this.outcomeColumns.outcome(slot);
    return { outcome, errorCode: outcome === "failed" ? this.outcomeColumns.errorCode(slot) : null };
  }

  recentOutcomes() {
    return this.outcomes.summary();
  }

  /**
   * For tests and scripts: looks up every finished task of the window (that finished since
   * `finishedSinceMs`, when given) whose outcome is unknown, awaited; returns how many were chosen.
   */
  lookUpOutcomes(finishedSinceMs = -Infinity): Promise<number> {
    return runAs(SYSTEM, () => this.outcomeWorker.lookUpAll(() => this.outcomeWindowStart(), finishedSinceMs));
  }

  /**
   * Starts the background outcome lookups: every finished task of the window, once, whether or not
   * anyone watches. While nobody does, the worker keeps the mirror synced itself (every
   * `unwatchedSyncMs`), so new finishes are seen and their outcomes known within a minute.
   */
  startOutcomeLookups(): void {
    this.outcomeWorker.start({
      since: () => this.outcomeWindowStart(),
      ready: () => this.cursors !== undefined && this.options.collecting(),
      keepFresh: () => {
        if (!this.syncing && this.options.now() - this.lastAttemptAt >= (this.failure ? 5_000 : this.options.unwatchedSyncMs)) void this.sync();
      },
    });
  }

  stopOutcomeLookups(): void {
    this.outcomeWorker.stop();
  }

  /** The outcome worker's progress over the window: known (looked up or aborted), pending, and the calls spent. */
  outcomeProgress(): { known: number; pending: number; lookups: number; fromStore: number; lookupsPerHour: number; running: boolean } {
    const since = this.outcomeWindowStart();
    let known = 0;
    for (let slot = 0; slot < this.table.end; slot++) {
      if (this.table.create[slot] >= since && this.outcomeColumns.of(slot) !== UNKNOWN) known++;
    }
    const pacer = this.outcomePacer;
    return { known, pending: this.outcomeWorker.pending(since), lookups: this.outcomeWorker.lookups, fromStore: this.outcomeWorker.fromStore,
      lookupsPerHour: Math.round(pacer.perSecond * 3_600), running: this.outcomeWorker.isRunning };
  }

  /** The window's start: a task that leaves upstream before its lookup is "gone" and leaves the mirror too. */
  private outcomeWindowStart(): number {
    return this.options.now() - WINDOW_MS;
  }

  health(): MirrorHealth {
    const at = (ms: number | null) => (ms === null || !Number.isFinite(ms) ? null : isoSeconds(ms));
    const error = this.failure?.error;
    return {
      subAppId: this.subAppId,
      state: this.restoring || this.catchingUp ? "restoring" : this.cursors ? "ready" : this.fill ? "filling" : "empty",
      tasks: this.table.count,
      syncedAt: at(this.syncedAt),
      lastAttemptAt: at(this.lastAttemptAt),
      lastError: this.failure ? {
        code: error instanceof ApiError ? error.code : "InternalError",
        message: error instanceof ApiError ? error.message : "The mirror's sync failed unexpectedly.",
        at: isoSeconds(this.failure.at),
      } : null,
      fill: this.fill ? {
        pages: this.fill.pages,
        startedAt: isoSeconds(this.fillStartedAt),
        finishedAt: at(this.fillFinishedAt),
        durationMs: this.fillFinishedAt === null ? null : this.fillFinishedAt - this.fillStartedAt,
      } : null,
      lastSync: this.lastSync,
      pendingChecks: this.pendingChecks.size,
    };
  }

  /** Stops the timer; the data stays (and the outcome lookups go on: stopOutcomeLookups). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private async runSync(): Promise<void> {
    const { now, gateway } = this.options;
    this.lastAttemptAt = now();
    if (!this.options.collecting()) return this.runFollow();
    // Taking over from another collector: first what it wrote since the last look, and its marks.
    if (this.followCursor !== undefined) {
      await this.runFollow();
      this.followCursor = undefined;
    }
    // Marks are written under the lease this sync began with, and not at all once it stopped collecting.
    const term = this.collectorTerm();
    try {
      if (!this.cursors && !(await this.restore())) await this.runFill(term);
      const startedAt = now();
      const counter = { calls: 0 };
      const reconcile = startedAt - this.lastReconcileAt >= this.options.reconcileEveryMs;
      const result = await syncIncrementally({
        gateway: gateway(), subAppId: this.subAppId, table: this.table, cursors: this.cursors!, overlapMs: this.options.overlapMs,
        reconcileBefore: reconcile ? startedAt - this.options.reconcileAgeMs : undefined, startedAt,
      }, counter);
      if (reconcile) this.lastReconcileAt = startedAt;
      this.cursors = result.cursors;
      this.catchingUp = null;
      if (this.stillCollecting(term)) this.store?.saveSyncMarks(this.subAppId, { ...result.cursors, term });
      this.table.evictCreatedBefore(now() - WINDOW_MS);
      this.syncedAt = this.collectedAt = startedAt;
      this.failure = null;
      this.lastSyncCalls = counter.calls;
      this.lastSync = { calls: counter.calls, durationMs: now() - startedAt, at: isoSeconds(startedAt) };
      this.pendingChecks.add(result.unexplained);
      if (this.pendingChecks.size > 0) void this.pendingChecks.run();
    } catch (error) {
      this.failure = { error, at: now() };
    } finally {
      this.version++;
    }
  }

  private collectorTerm(): LeaseTerm | undefined {
    return this.collectorTermOption?.();
  }

  /** Whether this process collects now, under the lease term `term` (undefined: no lease, one replica). */
  private stillCollecting(term: LeaseTerm | undefined): boolean {
    const now = this.collectorTerm();
    return this.options.collecting() && now?.holder === term?.holder && now?.since === term?.since;
  }

  /** A write stamped `stampMs` committed: a follower's next look reads back to it (see notifyChanges). */
  followBackTo(stampMs: number): void {
    this.followBack = Math.min(this.followBack ?? Infinity, stampMs);
  }

  /** A follower's sync: what the collector wrote since the last look, read from the store (follow-store.ts). */
  private async runFollow(): Promise<void> {
    const { now } = this.options;
    // Writes notified before this look began are committed: the first look's whole read sees them.
    const back = this.followBack;
    this.followBack = undefined;
    try {
      if (!this.store) throw new ApiError("StoreUnavailable", "A follower replica needs the task store.");
      const windowStart = now() - WINDOW_MS;
      const result = await followStore({ store: this.store, subAppId: this.subAppId, table: this.table, outcomes: this.outcomeColumns,
        cursor: this.followCursor === undefined ? undefined : Math.min(this.followCursor, back ?? Infinity), windowStart, now: now(),
        collectedAt: this.collectedAt });
      this.followCursor = Math.max(this.followCursor ?? -Infinity, result.cursor);
      if (result.marks && result.marks.createdUpTo >= windowStart) {
        this.cursors = { createdUpTo: result.marks.createdUpTo, finishedSince: result.marks.finishedSince };
        // A sync's marks say when it started (its finishedSince): the collector's syncedAt.
        this.syncedAt = result.marks.finishedSince;
      }
      this.table.evictCreatedBefore(windowStart);
      this.catchingUp = null;
      this.failure = null;
    } catch (error) {
      if (back !== undefined) this.followBackTo(back);
      this.failure = { error, at: now() };
    } finally {
      this.version++;
    }
  }

  /**
   * Starts from the store: the window as stored, and the marks of the last sync that wrote it, so
   * the sync that follows reads only what changed since. False when there is nothing to start from
   * (no marks, or marks older than the window), or the store fails: then the window is filled.
   */
  private async restore(): Promise<boolean> {
    const { store } = this;
    if (!store || this.fill) return false;
    const nowMs = this.options.now();
    const from = nowMs - WINDOW_MS;
    this.restoring = true;
    try {
      const marks = await store.syncMarks(this.subAppId);
      if (!marks || marks.createdUpTo < from) return false;
      this.collectedAt = nowMs;
      const loaded = await store.loadWindow(this.subAppId, from, (rows) => {
        placeRows(this.table, this.outcomeColumns, rows);
        this.version++;
      });
      this.cursors = marks;
      this.catchingUp = { loaded, since: marks.finishedSince };
      return true;
    } catch (error) {
      logEvent("warn", "mirror could not start from the task store; reading the window from upstream", {
        subAppId: this.subAppId, error: error instanceof Error ? error.message : String(error),
      });
      return false;
    } finally {
      this.restoring = false;
    }
  }

  private async runFill(term: LeaseTerm | undefined): Promise<void> {
    const { now } = this.options;
    if (!this.fill) {
      this.fillStartedAt = now();
      this.fill = new WindowFill(this.fillStartedAt - WINDOW_MS, this.fillStartedAt, this.options.fillWorkers);
    }
    const fill = this.fill;
    await fill.run(this.options.gateway(), this.subAppId, this.options.fillWorkers, (tasks) => {
      for (const task of tasks) this.table.upsert(task);
      this.version++;
    }, { calls: 0 });
    this.fillFinishedAt = now();
    this.cursors = { createdUpTo: fill.to, finishedSince: this.fillStartedAt };
    this.collectedAt = this.fillStartedAt;
    // The fill's own marks, queued behind its last readings: a process stopped before its first
    // sync succeeds (coverage is complete once the fill is) restarts from the store, not upstream.
    if (this.stillCollecting(term)) this.store?.saveSyncMarks(this.subAppId, { ...this.cursors, term });
  }

  private startTimer(): void {
    if (!this.options.timer || this.timer) return;
    this.timer = setInterval(() => {
      if (this.options.now() - this.askedAt > this.options.idleStopMs) this.stop();
      else this.syncIfStale();
    }, this.options.syncIntervalMs);
    this.timer.unref?.();
  }
}
