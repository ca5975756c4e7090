import "server-only";
import http from "node:http";
import net, { type Socket } from "node:net";
import { ApiError } from "@/lib/api/errors";
import { errorAnswer } from "@/lib/api/respond";
import { serverAuth } from "@/lib/auth/authenticate";
import { runSignedIn, unauthenticated, type Identity } from "@/lib/auth/identity";
import { logEvent } from "@/lib/log";
import { applyPagePolicy } from "./page-policy";
import { runAs } from "@/lib/vod/caller";
import { answerApi } from "./answer-api";
import { callerOf, isOpenWhenSignedOut, refusalAtEdge, refusalForHost } from "./edge";
import { answerMetrics, isMetricsPath } from "./metrics-endpoint";
import { answerAuthPath, answerSignedOutPage, isAuthPath } from "./sign-in";
import { createPenaltyBox, type PenaltyBox } from "./penalty-box";

export interface DashboardServerOptions {
  /** Renders a page: Next.js's request handler. */
  renderPage: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;
  /** The origin API requests are read against (only their path and query count). */
  origin: string;
  /** Under Next's development server, its own endpoints (the error overlay) take other methods. */
  dev: boolean;
}

/**
 * Connection limits. A socket must send its request's headers within HEADERS_TIMEOUT_MS of
 * connecting (or of its previous answer, after KEEP_ALIVE_MS of keep-alive at most), and the whole
 * request within REQUEST_TIMEOUT_MS; one address may hold CONNECTIONS_PER_CLIENT sockets, all
 * together MAX_CONNECTIONS, well under the process's descriptor limit (20,000 here).
 */
export const CONNECTION_LIMITS = {
  HEADERS_TIMEOUT_MS: 10_000,
  REQUEST_TIMEOUT_MS: 30_000,
  KEEP_ALIVE_MS: 65_000,
  CONNECTIONS_PER_CLIENT: 256,
  MAX_CONNECTIONS: 8_192,
  /** How long a tarpitted socket is held unread before it is closed, and how many per address. */
  TARPIT_MS: 2_000,
  TARPIT_PER_CLIENT: 1_024,
} as const;

/**
 * Headers every answer carries, pages, routes and refusals alike: no framing by another site (the
 * on-call view is a tempting one to frame), no content sniffing, no full URL (a view's filters) sent
 * to another origin. Pages get a whole policy with a script nonce instead (page-policy.ts).
 */
export const SECURITY_HEADERS = {
  "content-security-policy": "frame-ancestors 'none'",
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
} as const;

const isApi = (target: string) => target === "/api" || target.startsWith("/api/") || target.startsWith("/api?");
/** Next's development server has endpoints of its own (its error overlay) that take other methods. */
const isDevInternal = (target: string) => target.startsWith("/__nextjs");

function answerError(res: http.ServerResponse, error: unknown, closeConnection = false): void {
  const { status, headers, body } = errorAnswer(error);
  if (closeConnection) headers.connection = "close";
  res.writeHead(status, headers).end(body);
}

/**
 * One line per request, once answered: never a header, so never a cookie or a credential; and the
 * sign-in routes without their query (the provider's authorization code and state).
 */
function logRequest(req: http.IncomingMessage, res: http.ServerResponse, target: string): void {
  if (target.startsWith("/_next/")) return;
  const started = performance.now();
  const path = isAuthPath(target) ? target.split("?", 1)[0] : target;
  res.once("finish", () => logEvent("info", "request", {
    method: req.method, path: path.slice(0, 512), status: res.statusCode, durationMs: Math.round((performance.now() - started) * 10) / 10,
  }));
}

/**
 * A request Node could not even parse, or whose headers or body came too slowly, still gets the
 * one error shape (Node's own answer would be a bare status line), and its connection is closed.
 */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const timedOut = error.code === "ERR_HTTP_REQUEST_TIMEOUT";
  const failure = timedOut
    ? new ApiError("RequestTimeout", "The request was not sent in time.")
    : new ApiError("BadRequest", "The request is not valid HTTP.");
  const body = JSON.stringify(failure.toBody());
  socket.end(`HTTP/1.1 ${failure.status} ${timedOut ? "Request Timeout" : "Bad Request"}\r\ncontent-type: application/json\r\n`
    + `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
}

/**
 * Every connection passes this gate before HTTP sees a byte of it. An address over its share of
 * connections, or one the penalty box holds, is tarpitted: its socket is left unread and closed
 * after a while, so a flooding client's connections wait instead of retrying at full speed, at the
 * cost of a descriptor rather than of the thread every viewer shares. A socket that never sends its
 * request is closed after HEADERS_TIMEOUT_MS (Node's own headersTimeout only starts with a request).
 */
function createGate(httpServer: http.Server, box: PenaltyBox): net.Server {
  const open = new Map<string, number>();
  const held = new Map<string, number>();
  const count = (map: Map<string, number>, address: string, by: number) => {
    const next = (map.get(address) ?? 0) + by;
    if (next > 0) map.set(address, next);
    else map.delete(address);
  };
  const tarpit = (socket: Socket, address: string) => {
    if ((held.get(address) ?? 0) >= CONNECTION_LIMITS.TARPIT_PER_CLIENT) return socket.destroy();
    count(held, address, 1);
    socket.on("error", () => undefined);
    const timer = setTimeout(() => socket.destroy(), CONNECTION_LIMITS.TARPIT_MS);
    socket.once("close", () => {
      clearTimeout(timer);
      count(held, address, -1);
    });
  };
  httpServer.on("request", (req: http.IncomingMessage) => req.socket.setTimeout(0));
  const gate = net.createServer({ pauseOnConnect: true }, (socket) => {
    const address = socket.remoteAddress ?? "unknown";
    if (box.isBoxed(address) || (open.get(address) ?? 0) >= CONNECTION_LIMITS.CONNECTIONS_PER_CLIENT) return tarpit(socket, address);
    count(open, address, 1);
    socket.once("close", () => count(open, address, -1));
    socket.setTimeout(CONNECTION_LIMITS.HEADERS_TIMEOUT_MS, () => socket.destroy());
    httpServer.emit("connection", socket);
    socket.resume();
  });
  gate.maxConnections = CONNECTION_LIMITS.MAX_CONNECTIONS;
  return gate;
}

export interface DashboardServer {
  /** What listens: the connection gate in front of the HTTP server. */
  gate: net.Server;
  http: http.Server;
}

/**
 * The dashboard's one HTTP server, the same under `npm start` and `npm run dev`: every request
 * meets the same edge here (edge.ts), then /api/* goes to the route table (in this process's one
 * module graph) and everything else to Next.js, which renders the pages. Each request runs as its
 * client, so the upstream calls it causes are charged to that client's share of the budget.
 */
export function createDashboardServer(options: DashboardServerOptions): DashboardServer {
  const { renderPage, origin } = options;
  const box = createPenaltyBox();

  const refuse = (req: http.IncomingMessage, res: http.ServerResponse, refusal: ApiError) => {
    const address = req.socket.remoteAddress ?? "unknown";
    box.noteRefusal(address);
    answerError(res, refusal, box.isBoxed(address));
  };

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, target: string): Promise<void> {
    const misdirected = refusalForHost(req);
    if (misdirected) return refuse(req, res, misdirected);
    // Sign-in, before anything else is spent: every page and route runs as the identity found here.
    let identity: Identity | null;
    try {
      identity = await serverAuth().identify(req);
    } catch (error) {
      if (error instanceof ApiError) return refuse(req, res, error);
      throw error;
    }
    const caller = callerOf(req, identity);
    const refusal = await refusalAtEdge(req, target, caller);
    if (refusal) return refuse(req, res, refusal);
    if (isAuthPath(target)) return runAs(caller, () => answerAuthPath(req, res, target, identity));
    // A machine's endpoint (METRICS_TOKEN, or loopback), which a person signed in may read too, for their apps only.
    if (isMetricsPath(target)) return answerMetrics(req, res, identity);
    if (!identity && !isOpenWhenSignedOut(target) && !(options.dev && isDevInternal(target))) {
      // Counted as refusals: a signed-out flood is boxed like any other.
      if (!isApi(target) && (req.method === "GET" || req.method === "HEAD")) {
        box.noteRefusal(req.socket.remoteAddress ?? "unknown");
        return answerSignedOutPage(res, target);
      }
      return refuse(req, res, unauthenticated());
    }
    if (isApi(target)) return runSignedIn(identity, () => runAs(caller, () => answerApi(req, res, origin)));
    if (req.method === "GET" || req.method === "HEAD" || (options.dev && isDevInternal(target))) {
      applyPagePolicy(req, res, options.dev);
      return runSignedIn(identity, () => runAs(caller, () => renderPage(req, res)));
    }
    return answerError(res, new ApiError("MethodNotAllowed", `${req.method} is not allowed here; use GET`));
  }

  const server = http.createServer({
    headersTimeout: CONNECTION_LIMITS.HEADERS_TIMEOUT_MS,
    requestTimeout: CONNECTION_LIMITS.REQUEST_TIMEOUT_MS,
    keepAliveTimeout: CONNECTION_LIMITS.KEEP_ALIVE_MS,
    // How often Node checks the two timeouts above; its default of 30 s would let idle sockets pile up.
    connectionsCheckingInterval: 1_000,
  }, (req, res) => {
    const target = req.url ?? "/";
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    logRequest(req, res, target);
    serve(req, res, target).catch((error: unknown) => {
      // The routes answer their own errors; this is a broken connection or a bug below them.
      logEvent("error", "request failed below the routes", { error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) answerError(res, error);
      else res.destroy();
    });
  });
  server.on("clientError", answerClientError);
  return { gate: createGate(server, box), http: server };
}
