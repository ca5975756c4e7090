// Applies the outcome table to one DescribeTaskDetail answer: finds the type's object, reads its own
// error fields and its steps, and picks its file ID. Only the fields a row declares are read.
import type { SubTaskResult } from "@/lib/model/task";
import type { AnyOutcomeRule, OutcomeField } from "./outcome-rule";
import { GENERIC_RULE, RULE_KEYS, ruleOf } from "./outcome-rules";
import type { UpstreamTaskDetail } from "./response-shapes";

type Loose = Record<string, unknown>;

const asObject = (value: unknown): Loose | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Loose) : undefined;
export const asText = (value: unknown): string => (typeof value === "string" ? value : "");
const asNumber = (value: unknown): number | null => (typeof value === "number" && Number.isFinite(value) ? value : null);

export interface TypeObject {
  record: Loose | undefined;
  rule: AnyOutcomeRule;
}

/**
 * Upstream fills exactly one of the type fields, so the first one present is the type's. A type the
 * SDK does not declare yet is looked for as `<TaskType>Task`, or as the only `…Task` object there.
 */
export function typeObjectOf(detail: UpstreamTaskDetail): TypeObject {
  const key = RULE_KEYS.find((candidate) => asObject(detail[candidate]));
  if (key) return { record: asObject(detail[key]), rule: ruleOf(key) };
  const direct = asObject(detail[`${detail.TaskType}Task`]);
  if (direct) return { record: direct, rule: GENERIC_RULE };
  const candidates = Object.entries(detail).filter(([name, value]) => name.endsWith("Task") && asObject(value));
  return { record: candidates.length === 1 ? asObject(candidates[0][1]) : undefined, rule: GENERIC_RULE };
}

export interface OwnFields {
  errorCode: string | null;
  message: string;
  progress: number | null;
}

/** ErrCodeExt is the current code ("" for success); ErrCode the older one, 0 (MPS: "0") for success. */
export function readFields(item: Loose | undefined, fields: readonly OutcomeField[]): OwnFields & { status: string } {
  const read = (field: OutcomeField): unknown => (item && fields.includes(field) ? item[field] : undefined);
  const code = read("ErrCode");
  const legacy = typeof code === "number" && code !== 0 ? String(code) : typeof code === "string" && code !== "0" ? code : "";
  return {
    status: asText(read("Status")),
    errorCode: asText(read("ErrCodeExt")) || legacy || null,
    message: asText(read("Message")),
    progress: asNumber(read("Progress")),
  };
}

const items = (value: unknown): Loose[] =>
  Array.isArray(value) ? value.map(asObject).filter((item): item is Loose => item !== undefined) : [asObject(value)].filter((item) => item !== undefined);

/** Every step of every result set the row names, in the row's order. */
export function subTasksOf({ record, rule }: TypeObject): SubTaskResult[] {
  if (!record) return [];
  return rule.results.flatMap((set) =>
    items(record[set.at]).flatMap((item) => {
      const result = set.wrapped ? Object.entries(item).map(([name, value]) => (name.endsWith("Task") ? asObject(value) : undefined)).find(Boolean) : item;
      if (!result) return [];
      const type = set.wrapped ? asText(item.Type) : (set.typeField && asText(item[set.typeField])) || (set.type ?? "");
      const { status, errorCode, message, progress } = readFields(result, set.fields);
      const definition = asNumber(asObject(result.Input)?.Definition) ?? asNumber(asObject(result.Output)?.Definition);
      return [{ kind: set.kind, type, status, errorCode, message, progress, definition }];
    }),
  );
}

/** The first candidate that is a file ID; a track item's source may be a URL instead. */
export function fileIdOf({ record, rule }: TypeObject): string {
  if (!record) return "";
  const found = rule.fileIds(record as never).find((id) => typeof id === "string" && id !== "" && !id.includes("://"));
  return typeof found === "string" ? found : "";
}
