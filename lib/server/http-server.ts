import "server-only";
import http from "node:http";
import next from "next";
import { ApiError } from "@/lib/api/errors";
import { jsonError } from "@/lib/api/respond";
import { logEvent } from "@/lib/log";
import { answerApi } from "./answer-api";

export interface DashboardServerOptions {
  /** The project's root, where Next.js finds its pages and its build. */
  dir: string;
  port: number;
  /** The interface to listen on; undefined: all of them. */
  hostname: string | undefined;
  /** Next's development server (compiles pages on demand, hot reload) instead of the production build. */
  dev: boolean;
}

const isApi = (target: string) => target === "/api" || target.startsWith("/api/") || target.startsWith("/api?");
/** Next's development server has endpoints of its own (its error overlay) that take other methods. */
const isDevInternal = (target: string) => target.startsWith("/__nextjs");

async function answerError(res: http.ServerResponse, error: unknown): Promise<void> {
  const response = jsonError(error);
  res.statusCode = response.status;
  response.headers.forEach((value, name) => res.setHeader(name, value));
  res.end(await response.text());
}

/** One line per request, once answered: never a header, so never a cookie or a credential. */
function logRequest(req: http.IncomingMessage, res: http.ServerResponse, target: string): void {
  if (target.startsWith("/_next/")) return;
  const started = performance.now();
  res.once("finish", () => logEvent("info", "request", {
    method: req.method, path: target.slice(0, 512), status: res.statusCode, durationMs: Math.round((performance.now() - started) * 10) / 10,
  }));
}

/**
 * The dashboard's one HTTP server, the same under `npm start` and `npm run dev`: every request
 * meets the same edge here, then /api/* goes to the route table (in this process's one module
 * graph) and everything else to Next.js, which renders the pages.
 */
export async function startDashboardServer(options: DashboardServerOptions): Promise<http.Server> {
  const app = next({ dev: options.dev, dir: options.dir, hostname: options.hostname, port: options.port });
  const renderPage = app.getRequestHandler();
  await app.prepare();
  const origin = `http://localhost:${options.port}`;

  const server = http.createServer((req, res) => {
    const target = req.url ?? "/";
    logRequest(req, res, target);
    let served: Promise<void>;
    if (isApi(target)) served = answerApi(req, res, origin);
    else if (req.method === "GET" || req.method === "HEAD" || (options.dev && isDevInternal(target))) served = renderPage(req, res);
    else served = answerError(res, new ApiError("MethodNotAllowed", `${req.method} is not allowed here; use GET`));
    served.catch((error: unknown) => {
      // The routes answer their own errors; this is a broken connection or a bug below them.
      logEvent("error", "request failed below the routes", { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) void answerError(res, error);
      else res.destroy();
    });
  });
  if (options.dev) server.on("upgrade", app.getUpgradeHandler());
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    if (options.hostname) server.listen(options.port, options.hostname, resolve);
    else server.listen(options.port, resolve);
  });
  return server;
}
