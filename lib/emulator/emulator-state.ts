// Everything a running emulator holds: the workload, issued scroll tokens, rate windows, faults and
// counters. Reset swaps the workload and zeroes the counters in one place.
import { describeMediaInfos } from "./describe-media-infos";
import { describeTaskDetail } from "./describe-task-detail";
import { describeTasks, TokenBook } from "./describe-tasks";
import { type Faults, NO_FAULTS } from "./faults";
import type { Body } from "./params";
import { PeakRate } from "./peak-rate";
import { SlidingWindowLimiter } from "./rate-limit";
import { TaskStore } from "./store";
import { VOD_ACTIONS, type VodAction } from "../vod/wire";

export interface WorkloadSettings {
  seed: number;
  tasksPerHour: number;
  subApps: number[];
}

export interface Stats {
  requests: Record<VodAction, number>;
  errors: Record<string, number>;
  /** The most API requests (every action together) in any one-second window since start or reset. */
  peakPerSecond: number;
}

export class EmulatorState {
  store: TaskStore;
  tokens = new TokenBook();
  limiter = new SlidingWindowLimiter();
  faults: Faults = NO_FAULTS;
  stats: Stats = emptyStats();
  private peak = new PeakRate();
  readonly keys: ReadonlyMap<string, string>;

  constructor(
    private settings: WorkloadSettings,
    keys: Record<string, string>,
    readonly now: () => number,
  ) {
    this.keys = new Map(Object.entries(keys));
    this.store = new TaskStore({ ...settings, now });
  }

  get seed(): number {
    return this.settings.seed;
  }

  get tasksPerHour(): number {
    return this.settings.tasksPerHour;
  }

  setFaults(faults: Faults): void {
    this.faults = faults;
    this.store.setStalled(faults.stallProcessing, this.now());
    this.store.injectFailures(faults.taskFailureRate, faults.taskErrorCode, this.now());
  }

  /** New workload (faults stay as they are, a running stall applies to the new workload too). */
  reset(changes: Partial<Pick<WorkloadSettings, "seed" | "tasksPerHour">>): void {
    this.settings = { ...this.settings, ...changes };
    this.store = new TaskStore({ ...this.settings, now: this.now });
    if (this.faults.stallProcessing) this.store.setStalled(true, this.now());
    this.store.injectFailures(this.faults.taskFailureRate, this.faults.taskErrorCode, this.now());
    this.tokens = new TokenBook();
    this.limiter.reset();
    this.stats = emptyStats();
    this.peak = new PeakRate();
  }

  /** Counts an API request as it arrives, admitted or not. */
  countRequest(action: string): void {
    if (this.isAction(action)) this.stats.requests[action]++;
    this.peak.record();
    this.stats.peakPerSecond = this.peak.peak;
  }

  isAction(action: string): action is VodAction {
    return (VOD_ACTIONS as readonly string[]).includes(action);
  }

  run(action: VodAction, body: Body): object {
    const nowMs = this.now();
    this.store.advance(nowMs);
    if (action === "DescribeTasks") return describeTasks(this.store, this.tokens, body, nowMs);
    if (action === "DescribeMediaInfos") return describeMediaInfos(this.store, body);
    return describeTaskDetail(this.store, body, nowMs);
  }
}

function emptyStats(): Stats {
  return { requests: { DescribeTasks: 0, DescribeTaskDetail: 0, DescribeMediaInfos: 0 }, errors: {}, peakPerSecond: 0 };
}
