import type { TaskDetail } from "@/lib/model/task";
import type { Gateway } from "@/lib/vod/gateway";
import type { Pacer } from "./pacer";
import { isActive } from "./status-code";
import { lookUpTask } from "./task-detail-lookup";
import type { TaskColumns } from "./task-columns";

/**
 * Tasks that left WAITING or PROCESSING without any list saying where they went (an abort that
 * carries no FinishTime, or a finish that slipped past the overlap). DescribeTaskDetail says, one
 * paced call each, so no task stays "running" in the mirror forever.
 */
export class PendingChecks {
  private readonly ids = new Set<string>();
  private running = false;

  constructor(private readonly deps: {
    table: TaskColumns;
    gateway: () => Gateway;
    subAppId: number | undefined;
    pacer: Pacer;
    onDetail: (detail: TaskDetail) => void;
  }) {}

  get size(): number {
    return this.ids.size;
  }

  add(taskIds: Iterable<string>): void {
    for (const taskId of taskIds) this.ids.add(taskId);
  }

  /** Looks up every pending task; on an upstream failure the rest wait for the next sync. */
  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    const { table } = this.deps;
    try {
      for (const taskId of [...this.ids]) {
        const slot = table.slotOf(taskId);
        if (slot >= 0 && isActive(table.status[slot])) {
          const found = await lookUpTask(this.deps.gateway(), this.deps.pacer, this.deps.subAppId, table, taskId);
          if (found !== "gone") this.deps.onDetail(found);
        }
        this.ids.delete(taskId);
      }
    } catch {
      // Kept: the next sync runs them again.
    } finally {
      this.running = false;
    }
  }
}
