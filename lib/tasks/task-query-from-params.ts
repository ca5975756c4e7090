import "server-only";
import { invalidParameter } from "@/lib/api/errors";
import { scopedSubAppIds } from "@/lib/auth/app-scope";
import { parseTaskQuery, type TaskQuery } from "@/lib/filters/task-query";

/**
 * The validated task query of a query string, with the default SubAppId applied: the first the
 * signed-in identity may see (a 403 for an app it may not).
 */
export function taskQueryFromParams(params: URLSearchParams): TaskQuery {
  const subAppIds = scopedSubAppIds(params);
  const parsed = parseTaskQuery(params, { subAppIds });
  if (!parsed.ok) throw invalidParameter(parsed.message);
  return { ...parsed.value, subAppId: parsed.value.subAppId ?? subAppIds[0] };
}
