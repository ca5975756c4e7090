import { jsonError } from "@/lib/api/respond";
import { requireIdentity } from "@/lib/auth/identity";

/** What a route's logic receives: the request, its parsed URL and the path's named segments. */
export interface RouteInput {
  request: Request;
  url: URL;
  params: Readonly<Record<string, string>>;
}

/** A route as the server's router calls it, and as its tests do: `GET(new Request(url))`. */
export type RouteHandler = (request: Request, params?: Readonly<Record<string, string>>) => Promise<Response>;

export interface RouteOptions {
  /** Answers a signed-out caller too (the health check); the logic decides what it may say. */
  open?: boolean;
}

/**
 * The one wrapper every API route goes through: it refuses a signed-out caller with a 401 (the
 * edge has found who is asking, lib/auth/identity.ts), hands the logic its input and turns anything
 * thrown into the one error shape. Per-app access is checked by the logic's own SubAppId readers
 * (lib/auth/identity.ts), so a 403 comes before any app's data is read.
 */
export function withRoute(logic: (input: RouteInput) => Promise<Response>, options: RouteOptions = {}): RouteHandler {
  return async (request, params = {}) => {
    try {
      if (!options.open) requireIdentity();
      return await logic({ request, url: new URL(request.url), params });
    } catch (error) {
      return jsonError(error);
    }
  };
}
