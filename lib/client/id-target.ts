import type { IdLookup, SessionTask } from "@/lib/model/id-lookup";
import type { FilterPatch } from "./view-query";

/** Where the go-to box leads: a URL change (filters and the open task), or a choice among a session's tasks. */
export type IdTarget =
  | { kind: "navigate"; filters: FilterPatch; task: string | null; /** Other apps that also hold the file. */ alsoIn: number[] }
  | { kind: "choose"; sessionId: string; tasks: SessionTask[] };

/** The `subAppId` URL value of an app: absent for the default (the first offered) one. */
export function subAppIdParam(app: number | null, offered: readonly number[]): number | null {
  return app === null || app === offered[0] ? null : app;
}

/** The filters a FileId replaces: everything that could hide some of the file's tasks. */
const NARROWING: FilterPatch = {
  status: null, type: null, outcome: null, errorCode: null, fileName: null, createdAfter: null, createdBefore: null, finishedAfter: null, finishedBefore: null,
};

/** Opens one task in its application's view (the rest of the view is kept). */
export function taskTarget(taskId: string, app: number | null, offered: readonly number[]): IdTarget {
  return { kind: "navigate", filters: { subAppId: subAppIdParam(app, offered) }, task: taskId, alsoIn: [] };
}

/**
 * A lookup's answer as a destination: a task opens its detail in its app's view; a file filters
 * the view by it (in the first app that holds it: the server puts the current one first, and says
 * which others hold it too); a session with one task opens it, with several offers them.
 */
export function idTarget(found: IdLookup, offered: readonly number[]): IdTarget {
  switch (found.kind) {
    case "task":
      return taskTarget(found.id, found.subAppId, offered);
    case "file": {
      const [first = null, ...others] = found.subAppIds;
      return { kind: "navigate", filters: { ...NARROWING, fileId: found.id, subAppId: subAppIdParam(first, offered) }, task: null,
        alsoIn: others.filter((app) => app !== null) };
    }
    case "session":
      return found.tasks.length === 1
        ? taskTarget(found.tasks[0].taskId, found.tasks[0].subAppId, offered)
        : { kind: "choose", sessionId: found.id, tasks: found.tasks };
  }
}
