import { readErrorBody } from "@/lib/api/errors";
import { ApiRequestError } from "./api-error";

/**
 * GETs one of the dashboard's API routes. Any failure becomes an ApiRequestError carrying the
 * API's code and message; a network failure (server down, tab offline) gets code NetworkError.
 */
export async function fetchJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, { signal, headers: { accept: "application/json" }, cache: "no-store" });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiRequestError("NetworkError", "The dashboard's server did not answer.", 0);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = readErrorBody(body);
    throw new ApiRequestError(error.code, error.message, response.status, error.requestId);
  }
  if (body === null) throw new ApiRequestError("BadResponse", "The dashboard's server answered with a body that is not JSON.", response.status);
  return body as T;
}
