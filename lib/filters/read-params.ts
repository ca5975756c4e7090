import type { ParamKind } from "./param-kinds";

export type ParseResult<T> = { ok: true; value: T } | { ok: false; param: string; message: string };

export function invalidParam(param: string, message: string): ParseResult<never> {
  return { ok: false, param, message: `${param}: ${message}` };
}

/**
 * Reads a query string strictly against a table of parameter definitions: a refused value is an
 * error that names its parameter. Unknown parameters are ignored (they are never forwarded
 * anywhere); an empty value counts as absent; a parameter given twice is refused. A `subAppId`,
 * where the table has one, must be one of those the server offers.
 */
export function readParams(
  definitions: Record<string, ParamKind<unknown>>,
  params: URLSearchParams,
  defaults: Record<string, unknown>,
  options: { subAppIds: readonly number[] },
): ParseResult<Record<string, unknown>> {
  const values: Record<string, unknown> = { ...defaults };
  for (const [name, kind] of Object.entries(definitions)) {
    const given = params.getAll(name).filter((value) => value !== "");
    if (given.length === 0) continue;
    if (given.length > 1) return invalidParam(name, "given more than once");
    const value = kind.parse(given[0]);
    if (value === null) return invalidParam(name, `must be ${kind.expected}`);
    values[name] = value;
  }
  if (values.subAppId !== undefined && !options.subAppIds.includes(values.subAppId as number)) {
    const offered = options.subAppIds.length ? `one of ${options.subAppIds.join(", ")}` : "absent: VOD_SUBAPP_IDS is not set";
    return invalidParam("subAppId", `must be ${offered}`);
  }
  return { ok: true, value: values };
}

export interface IgnoredParam {
  param: string;
  value: string;
  /** Completes "<param>=<value> was ignored: …". */
  reason: string;
}

/**
 * The values of a page's URL that its parsers read as absent (or as the default), and why: the
 * page still shows a view, and says what it ignored. `hint` may explain a value better than the rule.
 */
export function ignoredValues(
  definitions: Record<string, { parse(raw: string): unknown; expected: string }>,
  params: URLSearchParams,
  hint: (param: string, raw: string) => string | undefined = () => undefined,
): IgnoredParam[] {
  const ignored: IgnoredParam[] = [];
  for (const [param, kind] of Object.entries(definitions)) {
    const given = params.getAll(param).filter((value) => value !== "");
    if (given.length > 1) ignored.push({ param, value: given.join(", "), reason: "given more than once" });
    else if (given.length === 1 && kind.parse(given[0]) === null) {
      ignored.push({ param, value: given[0], reason: hint(param, given[0]) ?? `must be ${kind.expected}` });
    }
  }
  return ignored;
}
