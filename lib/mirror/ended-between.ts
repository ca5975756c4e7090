import { ABORTED, FINISH } from "./status-code";
import type { TaskColumns } from "./task-columns";

export interface EndedTask {
  taskId: string;
  taskType: string;
  status: "FINISH" | "ABORTED";
  /** Started − created; null when the start is unknown. */
  waitSeconds: number | null;
  /** Finished − started, for FINISH only (an abort is no full run, as in the stats). */
  runSeconds: number | null;
  finishMs: number;
}

/** The tasks that ended (FINISH or ABORTED) with a FinishTime in [fromMs, toMs): what /metrics counts and observes. */
export function endedBetween(table: TaskColumns, fromMs: number, toMs: number): EndedTask[] {
  const ended: EndedTask[] = [];
  for (let slot = 0; slot < table.end; slot++) {
    const code = table.status[slot];
    if (code !== FINISH && code !== ABORTED) continue;
    const finishMs = table.finish[slot];
    if (!(finishMs >= fromMs && finishMs < toMs)) continue;
    const beginMs = table.begin[slot];
    const started = beginMs >= table.create[slot];
    ended.push({
      taskId: table.ids[slot],
      taskType: table.types.get(table.type[slot]),
      finishMs,
      status: code === FINISH ? "FINISH" : "ABORTED",
      waitSeconds: started ? (beginMs - table.create[slot]) / 1_000 : null,
      runSeconds: started && code === FINISH && finishMs >= beginMs ? (finishMs - beginMs) / 1_000 : null,
    });
  }
  return ended;
}
