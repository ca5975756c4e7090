import type { TaskRow } from "@/lib/store/task-row";
import type { MirrorRow } from "@/lib/store/task-sql";
import type { MarksToWrite, SyncMarks } from "@/lib/store/task-store";

/**
 * What a mirror asks of the task store: where its last sync left off and the window as stored,
 * to start from at a restart, and a place to leave its new marks. The tasks themselves reach the
 * store on their own way, from the gateway (lib/vod/recording-gateway.ts).
 */
export interface MirrorStore {
  syncMarks(subAppId: number | undefined): Promise<SyncMarks | undefined>;
  /** The window as stored, oldest first, in batches of compact rows (TaskStore.loadMirrorWindow). */
  loadWindow(subAppId: number | undefined, createdAfter: number, onBatch: (rows: MirrorRow[]) => void): Promise<number>;
  /** Queued behind the readings of the sync they describe, and written with them (if their lease term still holds). */
  saveSyncMarks(subAppId: number | undefined, marks: MarksToWrite): void;
  /** For a follower replica: what the collector wrote, read back (lib/mirror/follow-store.ts). */
  latestChange(subAppId: number | undefined): Promise<number>;
  changedSince(subAppId: number | undefined, since: number, createdAfter: number, onBatch: (rows: TaskRow[]) => void): Promise<number>;
}
