// The emulator's own endpoints under /__emulator/: unsigned, so only loopback callers may use them.
import type { IncomingMessage } from "node:http";
import { z } from "zod";
import type { EmulatorState } from "./emulator-state";
import { faultsSchema } from "./faults";

export const CONTROL_PREFIX = "/__emulator/";

export interface ControlAnswer {
  status: number;
  body: unknown;
}

/** 127.0.0.0/8 and ::1, also in their IPv4-mapped IPv6 spelling. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === "::1";
}

const resetSchema = z
  .object({
    seed: z.number().int().min(0).max(0xffffffff).optional(),
    tasksPerHour: z.number().positive().max(100_000).optional(),
  })
  .strict();

/**
 * A web page open on this machine can send a "simple" cross-site POST (text/plain, no preflight)
 * to a loopback port: such a request carries its page's Origin. Only a request without a foreign
 * Origin, with a JSON body, may change the emulator.
 */
function isForeignOrigin(origin: string | undefined): boolean {
  if (origin === undefined) return false;
  try {
    return !isLoopbackHost(new URL(origin).hostname);
  } catch {
    return true;
  }
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === "localhost" || hostname.endsWith(".localhost") || isLoopback(hostname.replace(/^\[|\]$/g, ""));
}

function fail(status: number, code: string, message: string): ControlAnswer {
  return { status, body: { error: { code, message } } };
}

export function handleControl(state: EmulatorState, req: IncomingMessage, raw: string): ControlAnswer {
  if (!isLoopback(req.socket.remoteAddress)) return fail(403, "Forbidden", "control endpoints answer loopback callers only");
  const path = (req.url ?? "").split("?")[0].slice(CONTROL_PREFIX.length);
  const route = `${req.method} ${path}`;
  if (route === "GET stats") return { status: 200, body: state.stats };
  if (route === "GET faults") return { status: 200, body: state.faults };
  if (route !== "POST faults" && route !== "POST reset") {
    return ["stats", "faults", "reset"].includes(path)
      ? fail(405, "MethodNotAllowed", `${req.method} is not allowed on ${CONTROL_PREFIX}${path}`)
      : fail(404, "NotFound", `no control endpoint ${CONTROL_PREFIX}${path}`);
  }
  if (isForeignOrigin(req.headers.origin)) return fail(403, "Forbidden", "control endpoints refuse requests from web pages of other origins");
  if (raw.trim() !== "" && !/^application\/json(\s*;|$)/i.test(req.headers["content-type"] ?? "")) {
    return fail(415, "UnsupportedMediaType", "control endpoints take a JSON body with Content-Type: application/json");
  }
  let json: unknown;
  try {
    json = raw.trim() === "" ? {} : JSON.parse(raw);
  } catch {
    return fail(400, "BadRequest", "the body is not valid JSON");
  }
  const schema = path === "faults" ? faultsSchema : resetSchema;
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    return fail(400, "BadRequest", parsed.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`).join("; "));
  }
  if (path === "faults") {
    state.setFaults(faultsSchema.parse(parsed.data));
    return { status: 200, body: state.faults };
  }
  state.reset(parsed.data as z.infer<typeof resetSchema>);
  return { status: 200, body: { seed: state.seed, tasksPerHour: state.tasksPerHour, tasks: state.store.taskCount } };
}
