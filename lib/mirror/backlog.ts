import { ABORTED, FINISH, FREE, PROCESSING, WAITING } from "./status-code";
import type { TaskColumns } from "./task-columns";

/**
 * How many tasks were WAITING at a past moment, rebuilt from the times the mirror keeps: created
 * by then and neither started nor ended by then. The on-call view compares it with the backlog
 * now to tell a growing queue from a steady one, without keeping a history of its own.
 * A task that started at an unknown moment counts as started when it was created (its earliest
 * possible start), so the past backlog is never overstated; tasks the 72-hour window has already
 * dropped are not counted, which only matters for moments near its edge.
 */
export function waitingAt(table: TaskColumns, atMs: number): number {
  let waiting = 0;
  for (let slot = 0; slot < table.end; slot++) {
    const code = table.status[slot];
    if (code === FREE || !(table.create[slot] <= atMs)) continue;
    if (code === WAITING) {
      waiting++;
      continue;
    }
    if (code !== PROCESSING && code !== FINISH && code !== ABORTED) continue;
    // An aborted task may never have started: it left the queue when it ended. With neither time
    // known, creation is the earliest moment it can have left.
    const begin = table.begin[slot];
    const finish = table.finish[slot];
    const left = !Number.isNaN(begin) ? begin : code !== PROCESSING && !Number.isNaN(finish) ? finish : table.create[slot];
    if (left > atMs) waiting++;
  }
  return waiting;
}
