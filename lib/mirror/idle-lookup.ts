import { BACKFILL, runAs } from "@/lib/vod/caller";
import { budgetRefused } from "@/lib/vod/request-budget";
import type { Gateway } from "@/lib/vod/gateway";
import type { Pacer } from "./pacer";
import type { TaskColumns } from "./task-columns";
import { lookUpTask, type LookupResult } from "./task-detail-lookup";

/** No pace of its own: the request budget's idle class decides when an idle lookup goes. */
const UNPACED: Pacer = { perSecond: Infinity, next: async () => undefined };

/**
 * One outcome lookup beyond the configured share: as the budget's idle class (BACKFILL), which
 * gets a slot only while no viewer or system request waits. "busy" when no slot came in time
 * (the budget refused before any call was made): the task waits for a later round.
 */
export async function idleLookUp(gateway: Gateway, subAppId: number | undefined, table: TaskColumns, taskId: string): Promise<LookupResult | "busy"> {
  try {
    return await runAs(BACKFILL, () => lookUpTask(gateway, UNPACED, subAppId, table, taskId));
  } catch (error) {
    if (budgetRefused(error)) return "busy";
    throw error;
  }
}
