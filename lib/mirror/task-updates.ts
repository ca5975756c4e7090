import type { TaskUpdate } from "@/lib/model/task";
import { isoSeconds } from "@/lib/model/iso-time";
import { STATUS_NAME } from "./status-code";
import type { OutcomeColumns } from "./outcome-columns";
import type { TaskColumns } from "./task-columns";

const timeOrNull = (ms: number) => (Number.isNaN(ms) ? null : isoSeconds(ms));

function outcomeOf(outcomes: OutcomeColumns, slot: number): Pick<TaskUpdate, "outcome" | "errorCode"> {
  const outcome = outcomes.outcome(slot);
  return { outcome, errorCode: outcome === "failed" ? outcomes.errorCode(slot) : null };
}

/** The mirror's current reading of the given tasks, in the order asked; unknown IDs are left out. */
export function taskUpdates(table: TaskColumns, ids: readonly string[], outcomes?: OutcomeColumns): TaskUpdate[] {
  return ids.flatMap((taskId) => {
    const slot = table.slotOf(taskId);
    if (slot < 0) return [];
    return [{
      taskId,
      taskType: table.types.get(table.type[slot]),
      status: STATUS_NAME[table.status[slot]],
      fileId: table.files.get(table.file[slot]),
      createTime: timeOrNull(table.create[slot]),
      beginProcessTime: timeOrNull(table.begin[slot]),
      finishTime: timeOrNull(table.finish[slot]),
      ...(outcomes ? outcomeOf(outcomes, slot) : {}),
    }];
  });
}
