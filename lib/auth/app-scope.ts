import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { maySee } from "./access";
import { checkSubAppIdParam, currentScope, forbidden, visibleSubAppIds } from "./identity";

/**
 * The SubAppIds a request may read, in place of the configured ones wherever a route reads a
 * `subAppId` (its parser's allowed values, its default, the on-call view's columns): a 403 first
 * when the request names an app its identity may not see.
 */
export function scopedSubAppIds(params?: URLSearchParams): number[] {
  const offered = serverEnv().subAppIds;
  checkSubAppIdParam(params ?? new URLSearchParams(), offered);
  return visibleSubAppIds(offered);
}

/**
 * A VOD task ID starts with the SubAppId it belongs to (`1500000002-procedurev2-…`). A task of a
 * configured app the identity may not see is a 403 before any lookup, whichever `subAppId` the
 * request names, so its detail is never read.
 */
export function checkTaskIdsVisible(taskIds: readonly string[]): void {
  const scope = currentScope();
  if (scope === "all") return;
  const offered = serverEnv().subAppIds;
  for (const taskId of taskIds) {
    const prefix = /^(\d{1,16})-/.exec(taskId)?.[1];
    const app = prefix === undefined ? undefined : Number(prefix);
    if (app !== undefined && offered.includes(app) && !maySee(scope, app)) throw forbidden(`taskId: ${taskId} belongs to an application you may not see`);
  }
}
