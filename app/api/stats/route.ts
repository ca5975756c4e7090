import { jsonError, jsonOk } from "@/lib/api/respond";
import { getStats } from "@/lib/mirror/get-stats";
import { taskQueryFromRequest } from "@/lib/tasks/query-from-request";

export const dynamic = "force-dynamic";

/** Statistics of a view, from the server-side mirror; sort, limit and cursor are ignored. */
export async function GET(request: Request): Promise<Response> {
  try {
    return jsonOk(await getStats(taskQueryFromRequest(request)));
  } catch (error) {
    return jsonError(error);
  }
}
