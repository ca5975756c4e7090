// The outcome of a task as DescribeTaskDetail reports it. DescribeTasks only says FINISH; whether
// that was a success is decided here, deterministically from the task's identity.
import { injectedFailureMessage } from "./faults";
import { hash32 } from "./random";
import { type Partition, ST_ABORTED, ST_FINISH, ST_PROCESSING } from "./partition";
import { OUTCOME_FAIL } from "./workload";

export interface Outcome {
  ErrCode: number;
  ErrCodeExt: string;
  Message: string;
  Progress: number;
}

const FAILURES: readonly Omit<Outcome, "Progress">[] = [
  { ErrCode: 40000, ErrCodeExt: "InvalidInput", Message: "Invalid input: the source media cannot be decoded." },
  { ErrCode: 60000, ErrCodeExt: "SourceFileError", Message: "Source file error: the file is corrupt or truncated." },
  { ErrCode: 60000, ErrCodeExt: "DownloadFailed", Message: "Failed to download the source file." },
  { ErrCode: 70000, ErrCodeExt: "InternalError", Message: "Internal error, please try again." },
  { ErrCode: 70000, ErrCodeExt: "EncodeError", Message: "Encoding failed: the output parameters are not supported." },
];

/** Per-task pseudo-random number for details that are not worth storing. */
export function taskHash(part: Partition, i: number, salt: number): number {
  return hash32(part.tie[i] % 4294967296, Math.floor(part.tie[i] / 4294967296), salt);
}

export function isFailed(part: Partition, i: number): boolean {
  return part.status[i] === ST_FINISH && part.outcome[i] === OUTCOME_FAIL;
}

export function failureOf(part: Partition, i: number): Omit<Outcome, "Progress"> {
  const injected = part.injectedFailures.get(i);
  if (injected) return { ErrCode: 70000, ErrCodeExt: injected, Message: injectedFailureMessage(injected) };
  return FAILURES[taskHash(part, i, 11) % FAILURES.length];
}

export function progressOf(part: Partition, i: number, nowSec: number): number {
  const s = part.status[i];
  if (s === ST_FINISH || s === ST_ABORTED) return 100;
  if (s !== ST_PROCESSING) return 0;
  return Math.max(0, Math.min(99, Math.floor((100 * (nowSec - part.begin[i])) / Math.max(1, part.run[i]))));
}

export const ABORTED_ERROR: Omit<Outcome, "Progress"> = { ErrCode: 70000, ErrCodeExt: "TaskAborted", Message: "The task was aborted." };

export function outcomeOf(part: Partition, i: number, nowSec: number): Outcome {
  const progress = progressOf(part, i, nowSec);
  if (part.status[i] === ST_ABORTED) return { ...ABORTED_ERROR, Progress: progress };
  if (isFailed(part, i)) return { ...failureOf(part, i), Progress: progress };
  const done = part.status[i] === ST_FINISH;
  return { ErrCode: 0, ErrCodeExt: "", Message: done ? "SUCCESS" : "", Progress: progress };
}
