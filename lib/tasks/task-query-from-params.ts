import "server-only";
import { invalidParameter } from "@/lib/api/errors";
import { serverEnv } from "@/lib/config/server-env";
import { parseTaskQuery, type TaskQuery } from "@/lib/filters/task-query";

/** The validated task query of a query string, with the configured default SubAppId applied. */
export function taskQueryFromParams(params: URLSearchParams): TaskQuery {
  const { subAppIds } = serverEnv();
  const parsed = parseTaskQuery(params, { subAppIds });
  if (!parsed.ok) throw invalidParameter(parsed.message);
  return { ...parsed.value, subAppId: parsed.value.subAppId ?? subAppIds[0] };
}
