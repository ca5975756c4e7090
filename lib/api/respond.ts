import { ApiError } from "./errors";
import { logEvent } from "@/lib/log";

const NO_STORE = { "cache-control": "no-store" };

export function jsonOk(body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { headers: { ...NO_STORE, ...headers } });
}

const encoded = new WeakMap<object, string>();

/**
 * jsonOk for a body that is shared, unchanged, by every viewer of a view for as long as the
 * gateway keeps its upstream answer: it is encoded once, not once per viewer.
 */
export function jsonOkShared(body: object): Response {
  let text = encoded.get(body);
  if (text === undefined) {
    text = JSON.stringify(body);
    encoded.set(body, text);
  }
  return new Response(text, { headers: { "content-type": "application/json", ...NO_STORE } });
}

/** An error answer's parts, for writing it without building a Response (the edge's refusals). */
export interface ErrorAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Turns anything thrown into the one error shape. An ApiError says what it is; any other error is
 * a bug: it is logged with its stack and answered with a generic 500.
 */
export function errorAnswer(error: unknown): ErrorAnswer {
  const headers: Record<string, string> = { "content-type": "application/json", ...NO_STORE };
  if (error instanceof ApiError) {
    if (error.retryAfterSeconds !== undefined) headers["retry-after"] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
    if (error.code === "MethodNotAllowed") headers.allow = "GET, HEAD";
    if (error.challenge) headers["www-authenticate"] = error.challenge;
    return { status: error.status, headers, body: JSON.stringify(error.toBody()) };
  }
  logEvent("error", "unhandled error in a route", { error: error instanceof Error ? error.stack ?? error.message : String(error) });
  const internal = new ApiError("InternalError", "Something went wrong on the dashboard's server; it has been logged.");
  return { status: internal.status, headers, body: JSON.stringify(internal.toBody()) };
}

export function jsonError(error: unknown): Response {
  const { status, headers, body } = errorAnswer(error);
  return new Response(body, { status, headers });
}
