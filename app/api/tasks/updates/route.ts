import { jsonError, jsonOk } from "@/lib/api/respond";
import { getTaskUpdates } from "@/lib/tasks/get-task-updates";

export const dynamic = "force-dynamic";

export async function GET(request: Request): Promise<Response> {
  try {
    return jsonOk(await getTaskUpdates(request));
  } catch (error) {
    return jsonError(error);
  }
}
