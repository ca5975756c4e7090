import { isoSeconds } from "@/lib/model/iso-time";
import { ABORTED, FINISH, FREE, PROCESSING, WAITING } from "./status-code";
import type { TaskColumns } from "./task-columns";

export interface ActiveTask {
  taskId: string;
  taskType: string;
  fileId: string;
  createTime: string;
  /** null while waiting. */
  beginProcessTime: string | null;
  /** Seconds waiting so far (WAITING) or seconds it waited (PROCESSING). */
  waitSeconds: number;
  /** Seconds running so far; null while waiting. */
  runSeconds: number | null;
}

export interface ActiveTasks {
  waitingCount: number;
  processingCount: number;
  /** The longest-waiting first, at most `limit`. */
  waiting: ActiveTask[];
  /** The longest-running first, at most `limit`. */
  processing: ActiveTask[];
}

export interface MinuteCount {
  /** Minute start, ISO 8601 UTC. */
  start: string;
  finished: number;
  aborted: number;
}

function activeTask(table: TaskColumns, slot: number, nowMs: number): ActiveTask {
  const created = table.create[slot];
  const begun = table.begin[slot];
  const started = !Number.isNaN(begun);
  return {
    taskId: table.ids[slot],
    taskType: table.types.get(table.type[slot]),
    fileId: table.files.get(table.file[slot]),
    createTime: isoSeconds(created),
    beginProcessTime: started ? isoSeconds(begun) : null,
    waitSeconds: Math.max(0, ((started ? begun : nowMs) - created) / 1_000),
    runSeconds: started ? Math.max(0, (nowMs - begun) / 1_000) : null,
  };
}

/** What is queued and running right now, the oldest first: the on-call view's "what is stuck". */
export function activeTasks(table: TaskColumns, nowMs: number, limit: number): ActiveTasks {
  const waiting: number[] = [];
  const processing: number[] = [];
  for (let slot = 0; slot < table.end; slot++) {
    if (table.status[slot] === WAITING) waiting.push(slot);
    else if (table.status[slot] === PROCESSING) processing.push(slot);
  }
  waiting.sort((a, b) => table.create[a] - table.create[b]);
  // A running task whose start is unknown sorts by creation, its earliest possible start.
  const startOf = (slot: number) => (Number.isNaN(table.begin[slot]) ? table.create[slot] : table.begin[slot]);
  processing.sort((a, b) => startOf(a) - startOf(b));
  return {
    waitingCount: waiting.length,
    processingCount: processing.length,
    waiting: waiting.slice(0, limit).map((slot) => activeTask(table, slot, nowMs)),
    processing: processing.slice(0, limit).map((slot) => activeTask(table, slot, nowMs)),
  };
}

/** How many tasks started at or after `sinceMs`, as far as the mirror has seen them start. */
export function startedSince(table: TaskColumns, sinceMs: number): number {
  let count = 0;
  // NaN (not started) fails the comparison.
  for (let slot = 0; slot < table.end; slot++) if (table.status[slot] !== FREE && table.begin[slot] >= sinceMs) count++;
  return count;
}

/** Tasks ended per UTC minute over the last `hours`, oldest minute first, the current one last. */
export function finishedPerMinute(table: TaskColumns, nowMs: number, hours: number): MinuteCount[] {
  const lastMinute = Math.floor(nowMs / 60_000) * 60_000;
  const minutes = Math.round(hours * 60);
  const first = lastMinute - (minutes - 1) * 60_000;
  const series: MinuteCount[] = Array.from({ length: minutes }, (_, i) => ({ start: isoSeconds(first + i * 60_000), finished: 0, aborted: 0 }));
  for (let slot = 0; slot < table.end; slot++) {
    const code = table.status[slot];
    if (code !== FINISH && code !== ABORTED) continue;
    const index = Math.floor((table.finish[slot] - first) / 60_000);
    if (!(index >= 0 && index < minutes)) continue;
    if (code === FINISH) series[index].finished++;
    else series[index].aborted++;
  }
  return series;
}
