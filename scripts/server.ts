/**
 * The production server: Next.js serves the pages and every route, except that the JSON routes
 * every open screen polls are answered by their own route handlers directly, without Next's
 * per-request machinery. On this 2-core machine that machinery costs 2 ms and caps a process near
 * a thousand requests per second whatever the route does; the handlers themselves take 0.1 ms on a
 * shared answer. Same handlers, same process, same gateway and mirror (they live on globalThis).
 */
import http from "node:http";
import { register } from "node:module";
import path from "node:path";
import next from "next";

register("./server-only-hook.mjs", import.meta.url);

type RouteModule = { GET: (request: Request) => Promise<Response> };

/** Static paths only: anything with a dynamic segment stays with Next's router. */
const POLLED_ROUTES: Record<string, () => Promise<RouteModule>> = {
  "/api/tasks": () => import("../app/api/tasks/route"),
  "/api/tasks/updates": () => import("../app/api/tasks/updates/route"),
  "/api/stats": () => import("../app/api/stats/route"),
  "/api/health": () => import("../app/api/health/route"),
  "/api/oncall": () => import("../app/api/oncall/route"),
};

// These handlers read nothing but the URL, so the request carries nothing else.
const toRequest = (req: http.IncomingMessage, origin: string) => new Request(new URL(req.url ?? "/", origin));

async function answer(route: RouteModule, req: http.IncomingMessage, res: http.ServerResponse, origin: string): Promise<void> {
  const response = await route.GET(toRequest(req, origin));
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(Buffer.from(await response.arrayBuffer()));
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT?.trim() || 3000);
  // Like `next start`, listen on every interface; the URL below only carries the query string.
  const app = next({ dev: false, dir: path.resolve(import.meta.dirname, ".."), port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const routes = new Map(await Promise.all(Object.entries(POLLED_ROUTES).map(async ([route, load]) => [route, await load()] as const)));
  const origin = `http://localhost:${port}`;

  const server = http.createServer((req, res) => {
    const route = req.method === "GET" ? routes.get((req.url ?? "/").split("?", 1)[0]) : undefined;
    const served = route ? answer(route, req, res, origin) : handle(req, res);
    served.catch(() => {
      // The handlers answer their own errors; this is a broken connection or a bug below them.
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "InternalError", message: "Something went wrong on the dashboard's server." } }));
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(port, () => console.log(`VOD task dashboard on http://localhost:${port}`));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.close(() => process.exit(0)));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
