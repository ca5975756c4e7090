import "server-only";
import { exportTasks, parseExportFormat } from "@/lib/tasks/export-tasks";
import { taskQueryFromParams } from "@/lib/tasks/task-query-from-params";
import { withRoute } from "../with-route";

/** GET /api/tasks/export?<filters>&format=csv|ndjson: the filtered set as a streamed attachment. */
export const GET = withRoute(async ({ url }) => exportTasks(taskQueryFromParams(url.searchParams), parseExportFormat(url.searchParams), Date.now()));
