import { toUpstreamTime } from "@/lib/filters/describe-tasks-request";
import type { Gateway } from "@/lib/vod/gateway";
import type { UpstreamTask } from "@/lib/vod/response-shapes";
import { MAX_PAGE_SIZE } from "@/lib/vod/wire";
import type { CallCounter } from "./page-all";
import { upstreamMs } from "./task-columns";

/** A CreateTime range [after, stop) read in ascending order; `cursor` is the newest CreateTime read. */
interface Slice {
  after: number;
  stop: number;
  /** The Before sent upstream; stays fixed so a ScrollToken is replayed with the query it came from. */
  wireBefore: number;
  cursor: number;
  scrollToken?: string;
}

/** Below this, splitting a slice costs a partial page for too little work. */
const MIN_SPLIT_MS = 60_000;

/**
 * The first read of the 72-hour window. One reader paging alone is held back by upstream latency,
 * not by the budget, so several workers read disjoint CreateTime slices at once and the gateway's
 * budget paces them all. When a worker runs out of slices it splits the one with the most left:
 * the owner stops at the split point and the new slice starts there, so the tail of the fill
 * stays parallel too. A failed page leaves its slice queued, and `run` resumes where it stopped.
 */
export class WindowFill {
  readonly from: number;
  readonly to: number;
  pages = 0;
  private readonly queue: Slice[] = [];
  private readonly active = new Set<Slice>();

  constructor(from: number, to: number, slices: number) {
    // Whole seconds, as upstream reads them, so slice bounds on the wire equal slice bounds here.
    this.from = Math.ceil(from / 1_000) * 1_000;
    this.to = Math.ceil(to / 1_000) * 1_000;
    const span = Math.max(1_000, Math.ceil((this.to - this.from) / slices / 1_000) * 1_000);
    // Newest first: the recent hours are the ones most views look at.
    for (let before = this.to; before > this.from; before -= span) {
      const after = Math.max(this.from, before - span);
      this.queue.push({ after, stop: before, wireBefore: before, cursor: after - 1 });
    }
  }

  get done(): boolean {
    return this.queue.length === 0 && this.active.size === 0;
  }

  async run(gateway: Gateway, subAppId: number | undefined, workers: number, onPage: (tasks: UpstreamTask[]) => void, counter: CallCounter): Promise<void> {
    let failure: unknown;
    const work = async () => {
      while (failure === undefined) {
        const slice = this.queue.shift() ?? this.split();
        if (!slice) return;
        this.active.add(slice);
        try {
          await this.read(slice, gateway, subAppId, onPage, counter);
        } catch (error) {
          failure ??= error;
          this.queue.unshift(slice);
        } finally {
          this.active.delete(slice);
        }
      }
    };
    await Promise.all(Array.from({ length: workers }, work));
    if (failure !== undefined) throw failure;
  }

  private async read(slice: Slice, gateway: Gateway, subAppId: number | undefined, onPage: (tasks: UpstreamTask[]) => void, counter: CallCounter) {
    while (slice.cursor < slice.stop) {
      const page = await gateway.describeTasks({
        SubAppId: subAppId,
        CreateTime: { After: toUpstreamTime(slice.after), Before: toUpstreamTime(slice.wireBefore) },
        Sort: { Field: "CreateTime", Order: "Asc" },
        Limit: MAX_PAGE_SIZE,
        ...(slice.scrollToken ? { ScrollToken: slice.scrollToken } : {}),
      }, { maxAgeMs: 0 });
      counter.calls++;
      this.pages++;
      onPage(page.TaskSet);
      const last = page.TaskSet.at(-1);
      if (last) slice.cursor = Math.max(slice.cursor, upstreamMs(last.CreateTime) || slice.cursor);
      if (!page.ScrollToken || page.ScrollToken === slice.scrollToken) return;
      slice.scrollToken = page.ScrollToken;
    }
  }

  /** Halves the active slice with the most time left to read, handing out its newer half. */
  private split(): Slice | undefined {
    let widest: Slice | undefined;
    let widestLeft = MIN_SPLIT_MS * 2;
    for (const slice of this.active) {
      const left = slice.stop - Math.max(slice.cursor, slice.after);
      if (left >= widestLeft) {
        widest = slice;
        widestLeft = left;
      }
    }
    if (!widest) return undefined;
    const mid = Math.ceil((widest.stop - widestLeft / 2) / 1_000) * 1_000;
    if (mid >= widest.stop) return undefined;
    const newer: Slice = { after: mid, stop: widest.stop, wireBefore: widest.stop, cursor: mid - 1 };
    widest.stop = mid;
    return newer;
  }
}
