import http from "node:http";
import type { AddressInfo } from "node:net";
import { setAuthEnvForTests } from "@/lib/auth/auth-env";
import { resetServerAuthForTests } from "@/lib/auth/authenticate";
import { setLogSink } from "@/lib/log";
import { createDashboardServer } from "@/lib/server/http-server";
import type { Gateway } from "@/lib/vod/gateway";
import { setUpstreamForTests } from "@/lib/vod/upstream";

export interface EdgeAnswer {
  /** 0: the connection was closed unanswered (the penalty box holds an address refused too often). */
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

export interface EdgeRig {
  port: number;
  /** Every log line the server wrote since it started. */
  lines: string[];
  /** A request on a fresh connection from a chosen loopback address, so that tests can be several clients. */
  get(path: string, headers?: Record<string, string>, from?: string): Promise<EdgeAnswer>;
  /** The same with another method (a sign-out's POST). */
  send(method: string, path: string, headers?: Record<string, string>, from?: string): Promise<EdgeAnswer>;
  close(): Promise<void>;
}

/**
 * The dashboard's edge as the production server runs it, pages stubbed, over `gateway` (a fake one,
 * usually), on a free loopback port. Closing it undoes what it set: the log sink, the upstream, sign-in.
 */
export async function startEdgeRig(gateway: Gateway): Promise<EdgeRig> {
  const lines: string[] = [];
  const restoreLog = setLogSink((line) => lines.push(line));
  setUpstreamForTests(gateway);
  const server = createDashboardServer({ renderPage: async (_req, res) => void res.end("a page"), origin: "http://localhost", dev: false });
  await new Promise<void>((resolve) => server.gate.listen(0, "127.0.0.1", resolve));
  const port = (server.gate.address() as AddressInfo).port;
  const send = (method: string, path: string, headers: Record<string, string> = {}, from = "127.0.0.1") => new Promise<EdgeAnswer>((resolve, reject) => {
    const req = http.request({ method, host: "127.0.0.1", port, path, headers, localAddress: from, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => (error.code === "ECONNRESET" ? resolve({ status: 0, headers: {}, body: "" }) : reject(error)));
    req.end();
  });
  return {
    port,
    lines,
    get: (path, headers = {}, from = "127.0.0.1") => send("GET", path, headers, from),
    send,
    async close() {
      restoreLog();
      setAuthEnvForTests(undefined);
      resetServerAuthForTests();
      setUpstreamForTests(undefined);
      server.http.closeAllConnections();
      await new Promise((resolve) => server.gate.close(resolve));
    },
  };
}
