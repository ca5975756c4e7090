import "server-only";
import { getTaskUpdates } from "@/lib/tasks/get-task-updates";
import { jsonOk } from "@/lib/api/respond";
import { withRoute } from "../with-route";

/** GET /api/tasks/updates?ids=…: the mirror's current reading of tasks a page has loaded. */
export const GET = withRoute(async ({ url }) => jsonOk(await getTaskUpdates(url.searchParams)));
