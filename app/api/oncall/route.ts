import { invalidParameter } from "@/lib/api/errors";
import { jsonError, jsonOk } from "@/lib/api/respond";
import { serverEnv } from "@/lib/config/server-env";
import { getOncall } from "@/lib/oncall/get-oncall";
import { parseOncallQuery } from "@/lib/oncall/params";

export const dynamic = "force-dynamic";

/** The on-call screen's data: counts, stuck tasks and the green/amber/red state with its reasons. */
export async function GET(request: Request): Promise<Response> {
  try {
    const { subAppIds } = serverEnv();
    const parsed = parseOncallQuery(new URL(request.url).searchParams, { subAppIds });
    if (!parsed.ok) throw invalidParameter(parsed.message);
    return jsonOk(await getOncall(parsed.value, subAppIds));
  } catch (error) {
    return jsonError(error);
  }
}
