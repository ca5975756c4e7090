import type { Outcome } from "@/lib/model/task";
import { ABORTED } from "./status-code";
import type { TaskColumns } from "./task-columns";

export const UNKNOWN = 0;
export const SUCCESS = 1;
export const FAILED = 2;
export type OutcomeCode = typeof UNKNOWN | typeof SUCCESS | typeof FAILED;

/** Distinct texts kept at most: error codes and their messages are a small set; past this, messages are dropped. */
const MAX_TEXTS = 20_000;

/**
 * The outcome of each task of the mirror, beside its columns and by the same slot: a byte for the
 * outcome and two small numbers for the error code and message (interned; there are few distinct
 * ones), so the outcomes of a million-task window cost a few megabytes, not a map of objects.
 * Slots are reused when tasks leave the window, so each slot also remembers whose outcome it
 * holds: a slot taken over by another task reads as unknown. ABORTED is failed without a lookup.
 */
export class OutcomeColumns {
  private code = new Uint8Array(1024);
  private error = new Uint32Array(1024);
  private messageText = new Uint32Array(1024);
  private owner: string[] = [];
  private readonly texts: string[] = [""];
  private readonly textIndex = new Map<string, number>([["", 0]]);

  constructor(private readonly table: TaskColumns) {}

  /** The slot's outcome: ABORTED is failed; otherwise what a lookup said, or UNKNOWN. */
  of(slot: number): OutcomeCode {
    if (this.table.status[slot] === ABORTED) return FAILED;
    return this.owns(slot) ? (this.code[slot] as OutcomeCode) : UNKNOWN;
  }

  errorCode(slot: number): string | null {
    if (this.owns(slot) && this.error[slot] > 0) return this.texts[this.error[slot]];
    return this.table.status[slot] === ABORTED ? "ABORTED" : null;
  }

  message(slot: number): string {
    if (this.owns(slot)) return this.texts[this.messageText[slot]];
    return this.table.status[slot] === ABORTED ? "The task was aborted." : "";
  }

  outcome(slot: number): Outcome {
    const code = this.of(slot);
    return code === SUCCESS ? "success" : code === FAILED ? "failed" : null;
  }

  /** Keeps a task's outcome; false when the mirror does not hold the task (or there is no outcome). */
  set(taskId: string, outcome: Outcome, errorCode: string | null, message: string | null): boolean {
    const slot = this.table.slotOf(taskId);
    if (slot < 0 || !outcome) return false;
    if (slot >= this.code.length) this.grow(this.table.status.length);
    this.owner[slot] = taskId;
    this.code[slot] = outcome === "success" ? SUCCESS : FAILED;
    this.error[slot] = errorCode ? this.intern(errorCode) : 0;
    this.messageText[slot] = message ? this.intern(message) : 0;
    return true;
  }

  private owns(slot: number): boolean {
    return slot < this.code.length && this.owner[slot] !== undefined && this.owner[slot] === this.table.ids[slot];
  }

  private intern(text: string): number {
    let id = this.textIndex.get(text);
    if (id === undefined) {
      if (this.texts.length >= MAX_TEXTS) return 0;
      id = this.texts.length;
      this.texts.push(text);
      this.textIndex.set(text, id);
    }
    return id;
  }

  private grow(capacity: number): void {
    const size = Math.max(capacity, this.code.length * 2);
    const code = new Uint8Array(size);
    code.set(this.code);
    const error = new Uint32Array(size);
    error.set(this.error);
    const message = new Uint32Array(size);
    message.set(this.messageText);
    this.code = code;
    this.error = error;
    this.messageText = message;
  }
}
