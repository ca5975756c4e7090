import type { InfiniteData } from "@tanstack/react-query";
import { isFinalStatus, statusRank } from "@/lib/model/status";
import type { Task, TaskPage, TaskUpdate } from "@/lib/model/task";

/**
 * The pure part of the live list: which rows are loaded, which of the head's tasks are new, and
 * how fresher records replace older ones without moving anything the reader is looking at.
 */

/** How far along a record is: a task only moves forward, so the further record is the fresher. */
function progress(task: TaskUpdate): number {
  const times = [task.createTime, task.beginProcessTime, task.finishTime].filter((time) => time !== null).length;
  return Math.max(0, statusRank(task.status)) * 4 + times;
}

/** Further along, or the same task with an outcome learnt since (the background lookup came after the row). */
export function isFresher(candidate: TaskUpdate, current: Task): boolean {
  const further = progress(candidate) - progress(current);
  return further > 0 || (further === 0 && Boolean(candidate.outcome) && !current.outcome);
}

interface Flat {
  pages: readonly TaskPage[];
  rows: Task[];
  ids: Set<string>;
}

// One flattening per list snapshot, shared by the rows, the new-task check and the updates poll.
const flattened = new WeakMap<InfiniteData<TaskPage>, Flat>();
let latest: Flat | undefined;

function appendPages(base: Flat | undefined, pages: readonly TaskPage[]): Flat {
  const from = base ? base.pages.length : 0;
  const rows = base ? base.rows.slice() : [];
  const ids = base ? new Set(base.ids) : new Set<string>();
  for (let p = from; p < pages.length; p++) {
    for (const task of pages[p].tasks) {
      if (ids.has(task.taskId)) continue;
      ids.add(task.taskId);
      rows.push(task);
    }
  }
  return { pages, rows, ids };
}

/** Whether every page of `flat` is, unchanged, at the start of `pages`: then only the rest needs reading. */
function isPrefix(flat: Flat | undefined, pages: readonly TaskPage[]): flat is Flat {
  if (!flat || flat.pages.length > pages.length) return false;
  return flat.pages.every((page, index) => page === pages[index]);
}

function flatten(data: InfiniteData<TaskPage>): Flat {
  let flat = flattened.get(data);
  if (!flat) {
    // Scrolling appends a page to the same pages: extend the last result instead of reading all of them again.
    flat = appendPages(isPrefix(latest, data.pages) ? latest : undefined, data.pages);
    flattened.set(data, flat);
  }
  latest = flat;
  return flat;
}

/** Loaded rows in order, each task once (a prepended task may also arrive on a later page). Same input, same array. */
export function flattenPages(data: InfiniteData<TaskPage> | undefined): Task[] {
  return data ? flatten(data).rows : [];
}

export interface NewTasks {
  /** Every task of the head the list has not shown yet, in the head's order. */
  tasks: Task[];
  /**
   * How many of them are not new but older than the newest loaded row by the sort's time: tasks
   * that moved into the view (a status filter they now match) rather than arrived.
   */
  movedIn: number;
  /**
   * True when the head shares no task with the loaded rows although some are loaded: more tasks
   * arrived than one page holds, so showing them means reloading from the top, not prepending.
   */
  gap: boolean;
}

/** The sorts the list knows, as lib/filters writes them ("createTime:desc"). */
export type FeedSort = `${"createTime" | "finishTime"}:${"asc" | "desc"}`;

/** The time a sort orders by: a finish-time list holds finished tasks, so a task joins it by finishing. */
function sortTime(task: Task, sort: FeedSort): number {
  const iso = sort.startsWith("finishTime") ? task.finishTime : task.createTime;
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isFinite(ms) ? ms : Number.POSITIVE_INFINITY;
}

/** The head page's tasks that the list has not shown yet, in the head's order, and how many of them are truly new. */
export function findNewTasks(head: TaskPage | undefined, data: InfiniteData<TaskPage> | undefined, sort: FeedSort = "createTime:desc"): NewTasks {
  if (!head || !data) return { tasks: [], movedIn: 0, gap: false };
  const flat = flatten(data);
  const loaded = flat.ids;
  const tasks = head.tasks.filter((task) => !loaded.has(task.taskId));
  const overlaps = tasks.length < head.tasks.length;
  let newest = Number.NEGATIVE_INFINITY;
  for (const row of flat.rows) {
    const time = sortTime(row, sort);
    if (time !== Number.POSITIVE_INFINITY && time > newest) newest = time;
  }
  const movedIn = tasks.filter((task) => sortTime(task, sort) <= newest).length;
  return { tasks, movedIn, gap: loaded.size > 0 && !overlaps && head.nextCursor !== null };
}

/** Puts new tasks at the top of the first page; later pages and their cursors stay as they are. */
export function prependTasks(data: InfiniteData<TaskPage>, tasks: Task[]): InfiniteData<TaskPage> {
  if (tasks.length === 0 || data.pages.length === 0) return data;
  const [first, ...rest] = data.pages;
  return { ...data, pages: [{ ...first, tasks: [...tasks, ...first.tasks] }, ...rest] };
}

/**
 * Puts the head's unseen tasks into the first page where the sort places them: a new task at the
 * top (newest first), one that moved into the view among the rows of its time, not above newer ones.
 */
export function mergeTasks(data: InfiniteData<TaskPage>, tasks: Task[], sort: FeedSort): InfiniteData<TaskPage> {
  if (tasks.length === 0 || data.pages.length === 0) return data;
  const [first, ...rest] = data.pages;
  const descending = sort.endsWith(":desc");
  const before = (a: Task, b: Task) => (descending ? sortTime(a, sort) >= sortTime(b, sort) : sortTime(a, sort) <= sortTime(b, sort));
  const merged = first.tasks.slice();
  for (const task of tasks) {
    const at = merged.findIndex((row) => before(task, row));
    merged.splice(at === -1 ? merged.length : at, 0, task);
  }
  return { ...data, pages: [{ ...first, tasks: merged }, ...rest] };
}

/**
 * Updates loaded records with fresher ones, in place. A fresh record may be partial (the mirror's
 * TaskUpdate has no session fields): what it does not say is kept. Returns the same object when
 * nothing changed, so that React and TanStack Query see no change either.
 */
export function patchPages(data: InfiniteData<TaskPage> | undefined, fresh: readonly TaskUpdate[]): InfiniteData<TaskPage> | undefined {
  if (!data || fresh.length === 0) return data;
  const byId = new Map(fresh.map((task) => [task.taskId, task]));
  let changed = false;
  const pages = data.pages.map((page) => {
    let pageChanged = false;
    const tasks = page.tasks.map((task) => {
      const candidate = byId.get(task.taskId);
      if (!candidate || !isFresher(candidate, task)) return task;
      pageChanged = true;
      return { ...task, ...candidate };
    });
    if (!pageChanged) return page;
    changed = true;
    return { ...page, tasks };
  });
  return changed ? { ...data, pages } : data;
}

/** The loaded tasks that may still change, newest first, which is what /api/tasks/updates takes. */
export function unfinishedIds(data: InfiniteData<TaskPage> | undefined): string[] {
  return flattenPages(data).filter((task) => !isFinalStatus(task.status)).map((task) => task.taskId);
}

/** Loaded finished tasks whose outcome is still to come, newest first, at most `limit`: asked for with the updates until it does. */
export function pendingOutcomeIds(data: InfiniteData<TaskPage> | undefined, limit: number): string[] {
  const ids: string[] = [];
  for (const task of flattenPages(data)) {
    if (ids.length === limit) break;
    if (task.status === "FINISH" && !task.outcome) ids.push(task.taskId);
  }
  return ids;
}

export function chunk<T>(items: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));
  return chunks;
}
