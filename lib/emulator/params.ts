// Request-body validation shared by both actions, with upstream's error codes: unknown fields are
// UnknownParameter, wrong types or values InvalidParameterValue, absent required ones MissingParameter.
// A JSON null counts as absent, since the official SDK strips nulls before sending anyway.
import { isoSeconds } from "../model/iso-time";
import { ZERO_TIME } from "../vod/wire";
import { ApiError, invalidValue, unknownParameter } from "./api-errors";

export type Body = Record<string, unknown>;

export function parseBody(raw: string): Body {
  if (raw.trim() === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ApiError("InvalidParameter", "The request body is not valid JSON.");
  }
  if (!isObject(value)) throw new ApiError("InvalidParameter", "The request body must be a JSON object.");
  return value;
}

export function isObject(value: unknown): value is Body {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function rejectUnknown(body: Body, allowed: readonly string[], prefix = ""): void {
  for (const key of Object.keys(body)) if (!allowed.includes(key)) throw unknownParameter(prefix + key);
}

export function optionalInteger(body: Body, name: string, label = name): number | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "number" || !Number.isSafeInteger(v)) throw invalidValue(label, "an integer is expected.");
  return v;
}

/** Empty strings count as absent, as they do for upstream's optional filters. */
export function optionalString(body: Body, name: string, label = name): string | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== "string") throw invalidValue(label, "a string is expected.");
  return v === "" ? undefined : v;
}

export function optionalObject(body: Body, name: string): Body | undefined {
  const v = body[name];
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw invalidValue(name, "an object is expected.");
  return v;
}

const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

/** ISO 8601 with a zone (Z or an offset); returns epoch milliseconds. */
export function parseIsoTime(value: string, label: string): number {
  const m = ISO_UTC.exec(value);
  const ms = m ? Date.parse(value) : NaN;
  if (!m || Number.isNaN(ms) || Number(m[2]) > 12 || Number(m[3]) > 31 || Number(m[4]) > 23 || Number(m[5]) > 59) {
    throw invalidValue(label, "expected ISO 8601 UTC time such as 2026-11-28T13:57:15Z.");
  }
  return ms;
}

/** Formats epoch seconds as upstream does; 0 is upstream's "not yet". */
export function formatTime(sec: number): string {
  if (sec === 0) return ZERO_TIME;
  return isoSeconds(sec * 1000);
}
