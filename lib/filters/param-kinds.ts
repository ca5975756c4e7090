import { parseTimeExpression } from "./time-expression";

/**
 * How one query parameter is read and written. `parse` returns null for a value it refuses;
 * `expected` completes the sentence "<param> must be …" in a 400 answer.
 */
export interface ParamKind<T> {
  parse(raw: string): T | null;
  serialize(value: T): string;
  expected: string;
}

export function literalParam<const T extends readonly string[]>(values: T): ParamKind<T[number]> {
  return {
    parse: (raw) => (values.includes(raw) ? (raw as T[number]) : null),
    serialize: (value) => value,
    expected: `one of ${values.join(", ")}`,
  };
}

export function integerParam(min: number, max: number): ParamKind<number> {
  return {
    parse: (raw) => {
      if (!/^\d{1,16}$/.test(raw)) return null;
      const value = Number(raw);
      return value >= min && value <= max ? value : null;
    },
    serialize: (value) => String(value),
    expected: `a whole number from ${min} to ${max}`,
  };
}

export function patternParam(pattern: RegExp, expected: string): ParamKind<string> {
  return {
    parse: (raw) => (pattern.test(raw) ? raw : null),
    serialize: (value) => value,
    expected,
  };
}

/** Kept as text so that `now-6h` stays relative in a shared link. */
export const timeParam: ParamKind<string> = {
  parse: (raw) => (parseTimeExpression(raw) ? raw : null),
  serialize: (value) => value,
  expected: "an ISO 8601 time such as 2026-11-28T13:57:15Z, or relative to now such as now-15m, now-6h, now-3d",
};
