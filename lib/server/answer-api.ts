import "server-only";
import { once } from "node:events";
import type { IncomingMessage, ServerResponse } from "node:http";
import { jsonError } from "@/lib/api/respond";
import { routeFor } from "./route-table";

/**
 * A request under /api, in the Web's shape that the route handlers take. The routes read nothing
 * but the URL: whatever a header decides (who the client is) is decided at the edge, before them.
 * The path is appended to a fixed origin, so no Host header or absolute-form target can change it.
 */
function toWebRequest(req: IncomingMessage, origin: string): Request {
  return new Request(origin + (req.url ?? "/"));
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  if (!response.headers.has("content-disposition") || !response.body) return void res.end(Buffer.from(await response.arrayBuffer()));
  // An attachment (the export) streams: written as it is read, paced by the client, never held whole.
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await Promise.race([once(res, "drain"), once(res, "close")]);
      // A client that went away stops the reading (and the store's queries) too.
      if (res.destroyed) return void (await reader.cancel());
    }
    res.end();
  } catch {
    res.destroy();
  }
}

/**
 * Answers a request under /api with its route's handler (the same one the route's tests call),
 * or with the one error shape when no route or method matches. HEAD is GET without the body,
 * which Node's server leaves out by itself.
 */
export async function answerApi(req: IncomingMessage, res: ServerResponse, origin: string): Promise<void> {
  let response: Response;
  try {
    const pathname = (req.url ?? "/").split("?", 1)[0];
    const { handler, params } = routeFor(req.method ?? "GET", pathname);
    response = await handler(toWebRequest(req, origin), params);
  } catch (error) {
    response = jsonError(error);
  }
  await writeResponse(res, response);
}
