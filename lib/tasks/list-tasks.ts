import "server-only";
import { ApiError, invalidParameter } from "@/lib/api/errors";
import { toDescribeTasksRequest } from "@/lib/filters/describe-tasks-request";
import type { TaskQuery } from "@/lib/filters/task-query";
import { resolveTimeWindow, type TimeWindow } from "@/lib/filters/time-window";
import type { Gateway } from "@/lib/vod/gateway";
import { normalizeTask, normalizeTime } from "@/lib/vod/normalize-task";
import type { UpstreamTask } from "@/lib/vod/response-shapes";
import { MAX_PAGE_SIZE, WINDOW_MS } from "@/lib/vod/wire";
import { decodeCursor, encodeCursor, type HistoryCursor, viewKey } from "./cursor";
import { afterLive, historyPlan, historySpan, liveWindow, readStorePage } from "./history-pages";
import { withOutcomes } from "./task-outcomes";
import { cursorLimits, historyLimit } from "@/lib/config/history-limit";
import type { Task, TaskPage } from "@/lib/model/task";

/** How many upstream pages one request may read while it looks for tasks of one type. */
export const TYPE_SCAN_PAGES = 5;
/** ...and for how long, so that a rare type answers with fewer rows and a cursor, not a long wait. */
export const TYPE_SCAN_MS = 2_500;

/**
 * Every viewer of a view gets the same upstream answer while the gateway keeps it: normalise it
 * once per answer (and per window and view, which its cursor carries) and hand out the same page.
 */
const pagesServed = new WeakMap<object, { key: string; page: TaskPage }>();

function startWindow(query: TaskQuery, nowMs: number): TimeWindow {
  const resolved = resolveTimeWindow(query, nowMs, historyLimit(nowMs));
  if (!resolved.ok) throw invalidParameter(resolved.message);
  return finishedOnly(query, resolved.value, nowMs);
}

/**
 * Sorted by finish time, the list holds finished tasks only. Upstream sorts a task that has not
 * finished as if it finished in year 1: first of all in ascending order, so dozens of unfinished
 * tasks would push every finished one off the first page. A FinishTime bound leaves them out (a
 * task finishes after it is created, so the created window's start, or upstream's 72 hours, loses none).
 */
function finishedOnly(query: TaskQuery, window: TimeWindow, nowMs: number): TimeWindow {
  // With status WAITING or PROCESSING there is nothing finished to list: the sort is upstream's, bound-free.
  const unfinishedOnly = query.status === "WAITING" || query.status === "PROCESSING";
  if (!query.sort.startsWith("finishTime") || unfinishedOnly || window.finished.after !== undefined) return window;
  return { ...window, finished: { ...window.finished, after: window.created.after ?? nowMs - WINDOW_MS } };
}

/** One page of the task list for a validated query, following its cursor when it has one. */
export async function listTasks(gateway: Gateway, query: TaskQuery, nowMs: number): Promise<TaskPage> {
  try {
    return withOutcomes(await readPage(gateway, query, nowMs), query.subAppId);
  } catch (error) {
    // Upstream forgets a ScrollToken once its task leaves the 72-hour window: the cursor expired.
    if (query.cursor && error instanceof ApiError && error.upstreamCode?.startsWith("InvalidParameterValue")) {
      throw invalidParameter("cursor: has expired (its position left the 72-hour window); start again without it");
    }
    throw error;
  }
}

async function readPage(gateway: Gateway, query: TaskQuery, nowMs: number): Promise<TaskPage> {
  const cursor = query.cursor ? decodeCursor(query.cursor, query, cursorLimits(nowMs)) : undefined;
  const window = cursor?.window ?? startWindow(query, nowMs);
  const view = viewKey(query);
  // A view reaching past upstream's 72 hours: upstream answers the newer part, the store the older.
  const history = cursor ? cursor.history : historyPlan(query, window, nowMs);
  const encode = (scrollToken: string, next: HistoryCursor | undefined) => encodeCursor({ scrollToken, window, view, ...(next ? { history: next } : {}) });
  if (query.outcome || query.errorCode) {
    // Upstream cannot filter on outcome or error code: the store, which holds every task read and every outcome
    // learnt, answers the whole view (its boundary is the first page's now, so no live phase follows).
    const plan = cursor?.history ?? { boundary: Math.ceil(nowMs / 1_000) * 1_000 + 1_000, phase: "store" as const };
    const page = await readStorePage({ query, window, history: plan, lastTaskId: cursor?.scrollToken ?? "",
      cursorAt: (last, next) => (next?.phase === "store" ? encode(last, next) : null) });
    // Said only of a view reaching past upstream's 72 hours, as for any other view.
    return historyPlan(query, window, nowMs) ? { ...page, history: historySpan(plan.boundary, nowMs) } : page;
  }
  const span = history && historySpan(history.boundary, nowMs);
  const spanned = (page: TaskPage): TaskPage => (span ? { ...page, history: span } : page);
  if (history?.phase === "store") return spanned(await readStorePage({ query, window, history, lastTaskId: cursor?.scrollToken ?? "", cursorAt: encode }));
  const cursorAt = (scrollToken: string) => {
    if (scrollToken) return encode(scrollToken, history);
    const next = history && afterLive(query, history);
    return next ? encode("", next) : null;
  };
  const asked = history ? liveWindow(window, history) : window;
  const pageRequest = (limit: number, scrollToken?: string) => toDescribeTasksRequest(query, asked, { limit, scrollToken: scrollToken || undefined });

  if (!query.type) {
    const answer = await gateway.describeTasks(pageRequest(query.limit, cursor?.scrollToken));
    const key = `${view} ${JSON.stringify(window)} ${JSON.stringify(history ?? null)}`;
    const served = pagesServed.get(answer);
    if (served?.key === key) return served.page;
    const page = spanned({ tasks: answer.TaskSet.map(normalizeTask), nextCursor: cursorAt(answer.ScrollToken), requestId: answer.RequestId });
    pagesServed.set(answer, { key, page });
    return page;
  }

  // Upstream cannot filter on type: read full pages and keep the matches. Upstream's ScrollToken
  // is the TaskId of the next record, so the page can stop right after the last match it keeps.
  // `scannedThrough`: the sort time of the last task read, so the page can say how far a scan got.
  const tasks: Task[] = [];
  const started = Date.now();
  const timeOf = (task: UpstreamTask) => normalizeTime(query.sort.startsWith("finishTime") ? task.FinishTime : task.CreateTime);
  let scannedThrough: string | null = null;
  let scrollToken = cursor?.scrollToken;
  let requestId = "";
  for (let read = 0; read < TYPE_SCAN_PAGES && Date.now() - started < TYPE_SCAN_MS; read++) {
    const page = await gateway.describeTasks(pageRequest(MAX_PAGE_SIZE, scrollToken));
    requestId = page.RequestId;
    for (let i = 0; i < page.TaskSet.length; i++) {
      if (page.TaskSet[i].TaskType !== query.type) continue;
      tasks.push(normalizeTask(page.TaskSet[i]));
      if (tasks.length === query.limit) {
        const resumeAt = i + 1 < page.TaskSet.length ? page.TaskSet[i + 1].TaskId : page.ScrollToken;
        return spanned({ tasks, nextCursor: cursorAt(resumeAt), requestId, scannedThrough: timeOf(page.TaskSet[i]) ?? scannedThrough });
      }
    }
    const last = page.TaskSet.at(-1);
    if (last) scannedThrough = timeOf(last) ?? scannedThrough;
    scrollToken = page.ScrollToken;
    if (!scrollToken) break;
  }
  return spanned({ tasks, nextCursor: cursorAt(scrollToken ?? ""), requestId, scannedThrough });
}
