// The HTTP face of the emulator: POST / speaks API 3.0, /__emulator/* is the control plane.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { handleApi } from "./api-handler";
import { loadEmulatorConfig } from "./config";
import { CONTROL_PREFIX, handleControl } from "./control";
import { EmulatorState } from "./emulator-state";

export interface EmulatorOptions {
  /** 0 picks any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  seed?: number;
  tasksPerHour?: number;
  subApps?: number[];
  /** Accepted credentials, SecretId to SecretKey. */
  keys?: Record<string, string>;
  /** The workload's clock in epoch milliseconds; tests pass their own to hold or move time. */
  now?: () => number;
}

export interface RunningEmulator {
  /** e.g. http://127.0.0.1:4510 */
  url: string;
  port: number;
  /** Tasks in the 72-hour window at start. */
  taskCount: number;
  close(): Promise<void>;
}

const MAX_BODY = 1 << 20;

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  // Whatever the caller leaves out is what `npm run emulator` would use with no variables set.
  const defaults = loadEmulatorConfig({});
  const state = new EmulatorState(
    {
      seed: options.seed ?? defaults.seed,
      tasksPerHour: options.tasksPerHour ?? defaults.tasksPerHour,
      subApps: options.subApps ?? defaults.subApps,
    },
    options.keys ?? defaults.keys,
    options.now ?? Date.now,
  );
  const server = http.createServer((req, res) => {
    const control = (req.url ?? "").startsWith(CONTROL_PREFIX);
    // An outage drops API connections without a word; the control plane keeps answering.
    if (!control && state.faults.outage) {
      req.socket.destroy();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) req.destroy();
      else chunks.push(c);
    });
    req.on("end", () => {
      const raw = Buffer.concat(chunks);
      if (control) {
        const answer = handleControl(state, req, raw.toString("utf8"));
        send(res, answer.status, JSON.stringify(answer.body));
        return;
      }
      void handleApi(state, req, raw).then((answer) => {
        if (state.faults.outage) req.socket.destroy();
        else send(res, 200, answer.body);
      });
    });
  });
  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    port,
    taskCount: state.store.taskCount,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function send(res: http.ServerResponse, status: number, body: string): void {
  res.writeHead(status, { "Content-Type": "application/json; charset=utf-8", "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}
