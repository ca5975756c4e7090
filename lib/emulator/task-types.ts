// The task types the emulator produces, with the shape of a typical VOD account: most work is
// upload-triggered Procedure (transcoding) runs, then editing, review and housekeeping jobs.
// Times are in seconds; medians and spreads of log-normal distributions.

export interface TaskTypeModel {
  /** TaskType as DescribeTasks reports it. */
  name: string;
  /** The middle label of the task ID, as upstream IDs carry it. */
  slug: string;
  /** Relative share of arrivals. */
  weight: number;
  waitMedian: number;
  runMedian: number;
  /** Log-normal sigma of the run time: bigger means a longer tail. */
  runSigma: number;
  failRate: number;
}

export const TASK_TYPES: readonly TaskTypeModel[] = [
  { name: "Procedure", slug: "procedurev2", weight: 55, waitMedian: 6, runMedian: 150, runSigma: 1.0, failRate: 0.03 },
  { name: "PullUpload", slug: "pullupload", weight: 8, waitMedian: 2, runMedian: 40, runSigma: 1.2, failRate: 0.05 },
  { name: "EditMedia", slug: "EditMedia", weight: 8, waitMedian: 5, runMedian: 90, runSigma: 0.9, failRate: 0.04 },
  { name: "ReviewAudioVideo", slug: "ReviewAudioVideo", weight: 8, waitMedian: 15, runMedian: 180, runSigma: 0.8, failRate: 0.02 },
  { name: "SplitMedia", slug: "SplitMedia", weight: 4, waitMedian: 5, runMedian: 60, runSigma: 0.8, failRate: 0.03 },
  { name: "ComposeMedia", slug: "ComposeMedia", weight: 4, waitMedian: 10, runMedian: 240, runSigma: 0.9, failRate: 0.05 },
  { name: "DescribeFileAttributes", slug: "DescribeFileAttributes", weight: 4, waitMedian: 1, runMedian: 4, runSigma: 0.6, failRate: 0.01 },
  { name: "RemoveWatermark", slug: "RemoveWatermark", weight: 3, waitMedian: 20, runMedian: 600, runSigma: 0.7, failRate: 0.06 },
  { name: "ReduceMediaBitrate", slug: "ReduceMediaBitrate", weight: 2, waitMedian: 10, runMedian: 300, runSigma: 0.8, failRate: 0.03 },
  { name: "QualityInspect", slug: "QualityInspect", weight: 2, waitMedian: 10, runMedian: 200, runSigma: 0.7, failRate: 0.02 },
  { name: "ExtractTraceWatermark", slug: "ExtractTraceWatermark", weight: 2, waitMedian: 5, runMedian: 40, runSigma: 0.6, failRate: 0.04 },
];

export const TYPE_CUMULATIVE_WEIGHTS: readonly number[] = TASK_TYPES.reduce<number[]>((acc, t) => {
  acc.push((acc.length ? acc[acc.length - 1] : 0) + t.weight);
  return acc;
}, []);

/**
 * Rank of each type's "slug-" prefix in string order. Within one SubAppId a task ID is
 * `<SubAppId>-<slug>-<hex>`, so (rank, hex value) orders tasks exactly as their IDs sort as strings:
 * the TaskId tie-break of the sort order becomes a number comparison.
 */
export const TYPE_RANK: readonly number[] = (() => {
  const order = TASK_TYPES.map((t, i) => ({ i, key: t.slug + "-" })).sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  const rank = new Array<number>(TASK_TYPES.length);
  order.forEach((o, r) => (rank[o.i] = r));
  return rank;
})();

export const TYPE_BY_SLUG: ReadonlyMap<string, number> = new Map(TASK_TYPES.map((t, i) => [t.slug, i]));
