// Where the steps of a multi-step task (Procedure, ReduceMediaBitrate) stand. They run one after
// another, so the task's progress says which are done, which one runs and which still wait; a task
// that waits has only waiting steps, and a finished one only finished steps.
import { type Partition, ST_ABORTED, ST_FINISH, ST_WAITING } from "./partition";
import { ABORTED_ERROR, failureOf, type Outcome, progressOf, taskHash } from "./task-outcome";

export type StepStatus = "WAITING" | "PROCESSING" | "SUCCESS" | "FAIL";

export interface StepState extends Outcome {
  Status: StepStatus;
}

const NO_ERROR = { ErrCode: 0, ErrCodeExt: "" };
const waiting: StepState = { Status: "WAITING", ...NO_ERROR, Message: "", Progress: 0 };
const done: StepState = { Status: "SUCCESS", ...NO_ERROR, Message: "SUCCESS", Progress: 100 };

/** `failAt` is the step a failed run failed at, -1 for any other task. */
export function stepStates(part: Partition, i: number, nowSec: number, n: number, failAt: number): StepState[] {
  const status = part.status[i];
  const steps = Array.from({ length: n }, (_, j) => j);
  if (status === ST_WAITING) return steps.map(() => waiting);
  if (status === ST_FINISH) return steps.map((j) => (j === failAt ? { Status: "FAIL", ...failureOf(part, i), Progress: 0 } : done));
  if (status === ST_ABORTED) {
    // The abort caught one step running; the steps after it never ran and fail with it.
    const abortAt = taskHash(part, i, 23) % n;
    return steps.map((j) => (j < abortAt ? done : { Status: "FAIL", ...ABORTED_ERROR, Progress: 0 }));
  }
  const total = progressOf(part, i, nowSec) * n;
  const current = Math.min(n - 1, Math.floor(total / 100));
  return steps.map((j) =>
    j < current ? done : j > current ? waiting : { Status: "PROCESSING", ...NO_ERROR, Message: "", Progress: Math.floor(total - 100 * j) },
  );
}
