import "server-only";
import { jsonOk } from "@/lib/api/respond";
import { getMediaNames } from "@/lib/tasks/get-media-names";
import { withRoute } from "../with-route";

/** GET /api/media-names?fileIds=…&subAppId=…: the names of files the page shows. */
export const GET = withRoute(async ({ url }) => jsonOk(await getMediaNames(url.searchParams)));
