import { sleep } from "./processes";

export interface ViewerRun {
  requests: number;
  /** HTTP status → count; 0 for a request that failed without an answer. */
  statuses: Record<number, number>;
  latenciesMs: number[];
  /** Epoch ms when the first request was sent and the last answer came back. */
  firstSentAt: number;
  lastAnsweredAt: number;
}

/**
 * The whole seconds of the clock that a run's requests touched. A relative time such as now-6h
 * resolves to a whole second, so a view can cost one upstream call per second of the clock, and a
 * 10-s run whose last answers come back just after its end touches 11 of them.
 */
export function clockSecondsTouched(run: ViewerRun): number {
  return Math.ceil(run.lastAnsweredAt / 1000) - Math.floor(run.firstSentAt / 1000);
}

/**
 * `viewers` browsers that each ask `url` every `periodMs`, starting at random offsets within one
 * period, from `startAt` (epoch ms) until `startAt + durationMs`. No request starts after the end.
 */
export async function simulateViewers(options: { url: string; viewers: number; periodMs: number; startAt: number; durationMs: number }): Promise<ViewerRun> {
  const { url, viewers, periodMs, startAt, durationMs } = options;
  const run: ViewerRun = { requests: 0, statuses: {}, latenciesMs: [], firstSentAt: Infinity, lastAnsweredAt: 0 };
  const end = startAt + durationMs;
  const viewer = async () => {
    let next = startAt + Math.random() * periodMs;
    const pending: Promise<void>[] = [];
    while (next < end) {
      await sleep(Math.max(0, next - Date.now()));
      if (Date.now() >= end) break;
      // A viewer whose previous request is still waiting asks again anyway, as a polling timer does.
      pending.push(ask());
      next += periodMs;
    }
    await Promise.all(pending);
  };
  const ask = async () => {
    const t = performance.now();
    run.firstSentAt = Math.min(run.firstSentAt, Date.now());
    let status = 0;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      status = response.status;
    } catch {
      status = 0;
    }
    run.lastAnsweredAt = Math.max(run.lastAnsweredAt, Date.now());
    run.requests++;
    run.statuses[status] = (run.statuses[status] ?? 0) + 1;
    run.latenciesMs.push(performance.now() - t);
  };
  await Promise.all(Array.from({ length: viewers }, viewer));
  return run;
}

/** The next whole second at least `leadMs` from now, so a run covers whole seconds of the clock. */
export function nextWholeSecond(leadMs = 500): number {
  return Math.ceil((Date.now() + leadMs) / 1000) * 1000;
}
