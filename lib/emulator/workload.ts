// The arrival model. Each UTC hour of the stream is generated on its own from (seed, hour), so a given
// seed yields the same tasks for the same hours whenever the emulator starts, and the store can
// generate hour after hour as the wall clock moves on.
import { FILE_STRIDE, scrambleTask, tieKey } from "./ids";
import { hash32, logNormal, mulberry32, pickWeighted, poisson } from "./random";
import { TASK_TYPES, TYPE_CUMULATIVE_WEIGHTS } from "./task-types";

export const OUTCOME_SUCCESS = 0;
export const OUTCOME_FAIL = 1;
export const OUTCOME_ABORT = 2;

export interface WorkloadParams {
  seed: number;
  tasksPerHour: number;
  /** How many SubAppIds share the account's arrivals. */
  partitions: number;
}

/** One hour of arrivals, columns sorted by (create, tie) so they can be appended in order. */
export interface HourBatch {
  hour: number;
  n: number;
  create: Uint32Array;
  wait: Uint32Array;
  run: Uint32Array;
  tie: Float64Array;
  type: Uint8Array;
  outcome: Uint8Array;
  part: Uint8Array;
  file: Uint32Array;
  session: Uint32Array;
  /** Arrival number within the hour: the part of the TaskId that locates the task again. */
  k: Uint32Array;
}

const ABORT_RATE = 0.003;
const BURST_CHANCE = 0.05;
const MAX_SECONDS = 4 * 3600;
// Bursts add about this share of traffic on average; dividing it out keeps tasksPerHour the true mean.
const BURST_SHARE = 1 + BURST_CHANCE * 4.5 * (12.5 / 60);

/** Traffic follows the day: a trough around 02:00 UTC at 40% and a peak around 14:00 UTC at 160%. */
export function dailyFactor(epochSeconds: number): number {
  const hourOfDay = (epochSeconds / 3600) % 24;
  return 1 + 0.6 * Math.sin((2 * Math.PI * (hourOfDay - 8)) / 24);
}

export function generateHour(params: WorkloadParams, hour: number): HourBatch {
  const rand = mulberry32(hash32(params.seed, hour, 0x40e7));
  const base = params.tasksPerHour / BURST_SHARE / 60;
  // Occasionally a customer dumps a batch: a few minutes at several times the rate, with queues.
  const burst = rand() < BURST_CHANCE;
  const burstStart = Math.floor(rand() * 60);
  const burstEnd = burstStart + 5 + Math.floor(rand() * 16);
  const burstMult = 3 + rand() * 5;
  const filesPerHour = Math.max(1, Math.min(FILE_STRIDE, Math.ceil(params.tasksPerHour / 3)));
  const batchesPerHour = Math.max(1, Math.min(255, Math.ceil(params.tasksPerHour / 50)));

  const counts: number[] = [];
  let n = 0;
  for (let m = 0; m < 60; m++) {
    const inBurst = burst && m >= burstStart && m < burstEnd;
    const lambda = base * dailyFactor(hour * 3600 + m * 60 + 30) * (inBurst ? burstMult : 1);
    counts.push(poisson(rand, lambda));
    n += counts[m];
  }
  const raw = emptyBatch(hour, n);
  let k = 0;
  for (let m = 0; m < 60; m++) {
    const inBurst = burst && m >= burstStart && m < burstEnd;
    const load = dailyFactor(hour * 3600 + m * 60);
    for (let c = 0; c < counts[m]; c++, k++) {
      const type = pickWeighted(rand, TYPE_CUMULATIVE_WEIGHTS);
      const model = TASK_TYPES[type];
      raw.create[k] = hour * 3600 + m * 60 + Math.floor(rand() * 60);
      raw.type[k] = type;
      raw.part[k] = params.partitions === 1 || rand() < 0.7 ? 0 : 1 + Math.floor(rand() * (params.partitions - 1));
      // Most tasks touch a file uploaded this hour; some reprocess older files, so FileIds repeat.
      const back = rand() < 0.55 ? 0 : Math.min(48, Math.floor(-Math.log(Math.max(rand(), 1e-9)) * 4));
      raw.file[k] = (hour - back) * FILE_STRIDE + Math.floor(rand() * filesPerHour);
      raw.session[k] = rand() < 0.45 ? 0 : hour * 256 + Math.floor(rand() * batchesPerHour) + 1;
      const queue = (0.5 + 0.5 * load * load) * (inBurst ? 6 : 1);
      raw.wait[k] = Math.min(MAX_SECONDS, Math.round(logNormal(rand, model.waitMedian * queue, 1.0)));
      const r = rand();
      const outcome = r < ABORT_RATE ? OUTCOME_ABORT : r < ABORT_RATE + model.failRate ? OUTCOME_FAIL : OUTCOME_SUCCESS;
      raw.outcome[k] = outcome;
      let run = logNormal(rand, model.runMedian, model.runSigma);
      // Failures mostly surface early; aborts cut a run short at a random point.
      if (outcome === OUTCOME_FAIL) run *= 0.05 + 0.5 * rand();
      if (outcome === OUTCOME_ABORT) run *= rand();
      raw.run[k] = Math.max(1, Math.min(MAX_SECONDS, Math.round(run)));
      raw.k[k] = k;
      raw.tie[k] = tieKey(type, scrambleTask(params.seed, hour, k));
    }
  }
  return sortBatch(raw);
}

function emptyBatch(hour: number, n: number): HourBatch {
  return {
    hour,
    n,
    create: new Uint32Array(n),
    wait: new Uint32Array(n),
    run: new Uint32Array(n),
    tie: new Float64Array(n),
    type: new Uint8Array(n),
    outcome: new Uint8Array(n),
    part: new Uint8Array(n),
    file: new Uint32Array(n),
    session: new Uint32Array(n),
    k: new Uint32Array(n),
  };
}

function sortBatch(raw: HourBatch): HourBatch {
  const order = Array.from({ length: raw.n }, (_, i) => i);
  order.sort((a, b) => raw.create[a] - raw.create[b] || raw.tie[a] - raw.tie[b]);
  const out = emptyBatch(raw.hour, raw.n);
  const columns = ["create", "wait", "run", "tie", "type", "outcome", "part", "file", "session", "k"] as const;
  for (const col of columns) {
    const src = raw[col];
    const dst = out[col];
    for (let i = 0; i < raw.n; i++) dst[i] = src[order[i]];
  }
  return out;
}
