// The shape of one row of the outcome table. Each row is typed against the SDK's declaration of its
// task object, so a row naming a field the SDK does not declare fails to compile.
import type { DescribeTaskDetailResponse } from "./wire";

/** The response fields that hold a task type's own object: all but the common ones. */
export type DetailKey = Exclude<keyof DescribeTaskDetailResponse, "TaskType" | "Status" | "CreateTime" | "BeginProcessTime" | "FinishTime" | "RequestId">;
export type TaskObject<K extends DetailKey> = NonNullable<DescribeTaskDetailResponse[K]>;

/** The fields an outcome is read from. Types differ in which of them they have. */
export type OutcomeField = "Status" | "ErrCode" | "ErrCodeExt" | "Message" | "Progress";

type KeysOf<T> = T extends unknown ? keyof T : never;
type FieldsOf<T> = readonly Extract<KeysOf<T>, OutcomeField>[];
type ItemOf<V> = NonNullable<V> extends readonly (infer I)[] ? I : NonNullable<V>;
/** What a `{ Type, <Kind>Task }` wrapper can hold: any of its `…Task` results. */
type Unwrapped<W> = NonNullable<W[Exclude<keyof W, "Type">]>;

/**
 * Steps wrapped as `{ Type: "Transcode", TranscodeTask: {...} }` (Procedure's result sets). The
 * wrapper's Type names the step; it does not spell the key (AnimatedGraphics is under
 * AnimatedGraphicTask, Porn.Asr under PornAsrTask), so the result is the wrapper's one object.
 */
interface WrappedSet<T, F extends keyof T> {
  at: F;
  kind: string;
  wrapped: true;
  fields: FieldsOf<Unwrapped<ItemOf<T[F]>>>;
}

/** Steps that are the result records themselves, named by one of their fields or else by `type`. */
interface PlainSet<T, F extends keyof T> {
  at: F;
  kind: string;
  wrapped: false;
  type: string;
  typeField?: Extract<keyof ItemOf<T[F]>, string>;
  fields: FieldsOf<ItemOf<T[F]>>;
}

/** A list (or, for ClipTask2017, a single record) of steps, each with an outcome of its own. */
export type ResultSet<T> = { [F in keyof T]-?: WrappedSet<T, F> | PlainSet<T, F> }[keyof T];

export interface OutcomeRule<T> {
  /** The object's own outcome fields. Procedure's are deprecated: its steps carry the outcome. */
  fields: FieldsOf<T>;
  results: readonly ResultSet<T>[];
  /** Candidate file IDs, best first: the input the task works on, then a file it made. */
  fileIds(task: T): unknown[];
}

/** A row as the reader sees it: field names checked already, the object untrusted JSON. */
export interface AnyOutcomeRule {
  fields: readonly OutcomeField[];
  results: readonly {
    at: string;
    kind: string;
    wrapped: boolean;
    type?: string;
    typeField?: string;
    fields: readonly OutcomeField[];
  }[];
  fileIds(task: never): unknown[];
}

/** Only arrays of objects: upstream's JSON is not trusted to match the declaration. */
export function list<T>(value: readonly T[] | undefined): NonNullable<T>[] {
  return Array.isArray(value) ? value.filter((item): item is NonNullable<T> => typeof item === "object" && item !== null) : [];
}
