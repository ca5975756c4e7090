/**
 * The answer of GET /api/lookup?id=…: what a pasted ID is, and in which application. `subAppId`
 * null means the account's default application (no VOD_SUBAPP_IDS configured).
 */
export type IdLookup =
  | { kind: "task"; id: string; subAppId: number | null }
  /** `subAppIds`: every application with tasks of the file, the one asked for (or the first offered) first. */
  | { kind: "file"; id: string; subAppIds: (number | null)[] }
  | { kind: "session"; id: string; tasks: SessionTask[] };

export interface SessionTask {
  taskId: string;
  subAppId: number | null;
  taskType: string;
  status: string;
  /** ISO 8601 UTC. */
  createTime: string;
}

/** At most this many tasks of one session are listed. */
export const SESSION_TASKS_LISTED = 20;
