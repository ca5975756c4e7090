import type { Mirror } from "../mirror";
import { STATUS_NAME } from "../status-code";

/** What a mirror holds, task by task ("FINISH <begin> <finish>"): two mirrors agree when these are equal. */
export function mirrorState(mirror: Mirror): Map<string, string> {
  const { table } = mirror;
  const tasks = new Map<string, string>();
  for (let slot = 0; slot < table.end; slot++) {
    if (table.status[slot] !== 0) tasks.set(table.ids[slot], `${STATUS_NAME[table.status[slot]]} ${table.begin[slot]} ${table.finish[slot]}`);
  }
  return tasks;
}
