import { jsonError } from "@/lib/api/respond";

/** What a route's logic receives: the request, its parsed URL and the path's named segments. */
export interface RouteInput {
  request: Request;
  url: URL;
  params: Readonly<Record<string, string>>;
}

/** A route as the server's router calls it, and as its tests do: `GET(new Request(url))`. */
export type RouteHandler = (request: Request, params?: Readonly<Record<string, string>>) => Promise<Response>;

/**
 * The one wrapper every API route goes through: it hands the logic its input and turns anything
 * thrown into the one error shape. Sign-in and per-app access hook in here, once, for every route.
 */
export function withRoute(logic: (input: RouteInput) => Promise<Response>): RouteHandler {
  return async (request, params = {}) => {
    try {
      return await logic({ request, url: new URL(request.url), params });
    } catch (error) {
      return jsonError(error);
    }
  };
}
