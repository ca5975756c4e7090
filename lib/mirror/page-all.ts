import type { Gateway } from "@/lib/vod/gateway";
import type { UpstreamTask } from "@/lib/vod/response-shapes";
import { MAX_PAGE_SIZE, type DescribeTasksRequest } from "@/lib/vod/wire";

/** Upstream calls spent, so a refresh's cost can be reported and tested. */
export interface CallCounter {
  calls: number;
}

/** More pages than a full 72-hour window at upstream's own rate limit could hold: a loop guard. */
const MAX_PAGES = 50_000;

/**
 * Reads every page of one DescribeTasks query. `maxAgeMs: 0` because the mirror needs what
 * upstream says now, not what another caller was told a second ago.
 */
export async function pageAll(
  gateway: Gateway,
  request: DescribeTasksRequest,
  onPage: (tasks: UpstreamTask[]) => void,
  counter: CallCounter,
): Promise<void> {
  let scrollToken: string | undefined;
  for (let pages = 0; pages < MAX_PAGES; pages++) {
    const page = await gateway.describeTasks({ ...request, Limit: MAX_PAGE_SIZE, ...(scrollToken ? { ScrollToken: scrollToken } : {}) }, { maxAgeMs: 0 });
    counter.calls++;
    onPage(page.TaskSet);
    if (!page.ScrollToken || page.ScrollToken === scrollToken) return;
    scrollToken = page.ScrollToken;
  }
}
