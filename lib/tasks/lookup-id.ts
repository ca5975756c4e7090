import "server-only";
import { ApiError, invalidParameter } from "@/lib/api/errors";
import { taskQueryParams } from "@/lib/filters/task-query";
import { SESSION_TASKS_LISTED, type IdLookup } from "@/lib/model/id-lookup";
import { isoSeconds } from "@/lib/model/iso-time";
import { isTaskId, TASK_ID_RULE } from "@/lib/model/task-id";
import { processStore } from "@/lib/store/process-store";
import { appKey } from "@/lib/store/task-row";
import type { Gateway } from "@/lib/vod/gateway";
import { getTaskDetail } from "./get-task-detail";

/** A TaskId with an unknown prefix is tried in at most this many applications (one DescribeTaskDetail each). */
const MAX_APPS_TRIED = 5;

type App = number | undefined;
const asNullable = (app: App) => app ?? null;

/**
 * What a pasted ID is, searched across the applications the caller may see (`apps`; empty: the
 * account's default app), cheapest first: a task the store keeps; a TaskId upstream knows (its
 * SubAppId prefix names the app to ask); a FileId with tasks, upstream's 72 hours then the store;
 * a SessionId the store has seen. Unknown everywhere: a 404 that says where it looked.
 */
export async function lookupId(gateway: Gateway, raw: string, apps: readonly number[], preferred?: number): Promise<IdLookup> {
  const id = raw.trim();
  if (!isTaskId(id)) throw invalidParameter(`id: must be a TaskId, FileId or SessionId of ${TASK_ID_RULE}`);
  const candidates: App[] = apps.length ? [...apps] : [undefined];
  if (preferred !== undefined && candidates.includes(preferred)) candidates.sort((a, b) => Number(b === preferred) - Number(a === preferred));
  const visible = (subAppId: number) => candidates.some((app) => appKey(app) === subAppId);
  const store = processStore()?.store;

  const stored = await store?.task(id).catch(() => undefined);
  if (stored && visible(stored.subAppId)) return { kind: "task", id, subAppId: stored.subAppId || null };

  const prefix = /^(\d{1,16})-[A-Za-z0-9]/.exec(id)?.[1];
  if (prefix !== undefined) {
    const owner = candidates.find((app) => app === Number(prefix));
    for (const app of owner !== undefined ? [owner] : candidates.slice(0, MAX_APPS_TRIED)) {
      const found = await getTaskDetail(gateway, id, app).then(() => true, (error: unknown) => {
        if (error instanceof ApiError && error.code === "TaskNotFound") return false;
        throw error;
      });
      if (found) return { kind: "task", id, subAppId: asNullable(app) };
    }
  }

  if (taskQueryParams.fileId.parse(id) !== null) {
    // One file may have tasks in several applications: every one of them is named, the preferred first.
    const holders: App[] = [];
    for (const app of candidates) {
      const page = await gateway.describeTasks({ SubAppId: app, FileId: id, Limit: 1 }, { maxAgeMs: 5_000 });
      const older = page.TaskSet.length ? [] : await store?.historyPage({ subAppId: appKey(app), fileId: id, created: {}, finished: {} },
        { field: "create_time", descending: true }, undefined, 1).catch(() => []);
      if (page.TaskSet.length || older?.length) holders.push(app);
    }
    if (holders.length) return { kind: "file", id, subAppIds: holders.map(asNullable) };
  }

  const session = (await store?.tasksOfSession(id, SESSION_TASKS_LISTED * 4).catch(() => [])) ?? [];
  const tasks = session.filter((row) => visible(row.subAppId)).slice(0, SESSION_TASKS_LISTED);
  if (tasks.length) {
    return {
      kind: "session", id,
      tasks: tasks.map((row) => ({ taskId: row.taskId, subAppId: row.subAppId || null, taskType: row.taskType, status: row.status, createTime: isoSeconds(row.createTime) })),
    };
  }

  const where = apps.length ? `application${apps.length > 1 ? "s" : ""} ${apps.join(", ")}` : "the default application";
  throw new ApiError("NotFound", `id: no task, file or session ${id} in ${where}${store ? "" : " (sessions are found in the task store, which is not open)"}`);
}
