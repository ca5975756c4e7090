import "server-only";
import { scopedSubAppIds } from "@/lib/auth/app-scope";
import { getOncall } from "@/lib/oncall/get-oncall";
import { parseOncallQuery } from "@/lib/oncall/params";
import { invalidParameter } from "@/lib/api/errors";
import { jsonOk } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/** GET /api/oncall: counts, stuck tasks and the green/amber/red state with its reasons. */
export const GET = withRoute(async ({ url }) => {
  const subAppIds = scopedSubAppIds(url.searchParams);
  const parsed = parseOncallQuery(url.searchParams, { subAppIds });
  if (!parsed.ok) throw invalidParameter(parsed.message);
  return jsonOk(await getOncall(parsed.value, subAppIds));
});
