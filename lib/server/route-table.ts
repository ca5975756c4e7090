import "server-only";
import { ApiError, invalidParameter } from "@/lib/api/errors";
import * as health from "./routes/health";
import * as lookup from "./routes/lookup";
import * as mediaNames from "./routes/media-names";
import * as me from "./routes/me";
import * as oncall from "./routes/oncall";
import * as stats from "./routes/stats";
import * as taskDetail from "./routes/task-detail";
import * as taskExport from "./routes/task-export";
import * as taskUpdates from "./routes/task-updates";
import * as tasks from "./routes/tasks";
import type { RouteHandler } from "./with-route";

type Methods = { GET: RouteHandler };

/** Every API route, by path; `:name` matches one segment. Static paths win over patterns. */
export const ROUTES: readonly (readonly [path: string, methods: Methods])[] = [
  ["/api/health", health],
  ["/api/lookup", lookup],
  ["/api/me", me],
  ["/api/media-names", mediaNames],
  ["/api/oncall", oncall],
  ["/api/stats", stats],
  ["/api/tasks", tasks],
  ["/api/tasks/updates", taskUpdates],
  ["/api/tasks/export", taskExport],
  ["/api/tasks/:taskId", taskDetail],
];

const STATIC = new Map(ROUTES.filter(([path]) => !path.includes(":")));
const PATTERNS = ROUTES.filter(([path]) => path.includes(":")).map(([path, methods]) => ({ segments: path.split("/"), methods }));

export interface RouteMatch {
  handler: RouteHandler;
  params: Record<string, string>;
}

function decodeSegment(name: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw invalidParameter(`${name}: is not valid percent-encoding`);
  }
}

function matchPattern(pathname: string): { methods: Methods; params: Record<string, string> } | undefined {
  const parts = pathname.split("/");
  for (const { segments, methods } of PATTERNS) {
    if (segments.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const matches = segments.every((segment, i) => {
      if (segment.startsWith(":")) params[segment.slice(1)] = decodeSegment(segment.slice(1), parts[i]);
      return segment.startsWith(":") ? parts[i] !== "" : segment === parts[i];
    });
    if (matches) return { methods, params };
  }
  return undefined;
}

/**
 * The handler for a method and path under /api, or the error answer for a path or method that has
 * none (a 404 or a 405 in the one error shape, never Next's HTML or an empty body).
 */
export function routeFor(method: string, pathname: string): RouteMatch {
  const found = STATIC.has(pathname) ? { methods: STATIC.get(pathname)!, params: {} } : matchPattern(pathname);
  if (!found) throw new ApiError("NotFound", `No API route at ${pathname}`);
  if (method !== "GET" && method !== "HEAD") throw new ApiError("MethodNotAllowed", `${method} is not allowed here; use GET`);
  return { handler: found.methods.GET, params: found.params };
}
