/**
 * What a browser-side fetcher throws: the API's own error code and message (the one error shape
 * of lib/api/errors.ts), so that the page can say why a refresh failed instead of "Error".
 */
export class ApiRequestError extends Error {
  readonly code: string;
  /** HTTP status; 0 when the dashboard's server did not answer at all. */
  readonly status: number;
  readonly requestId?: string;

  constructor(code: string, message: string, status: number, requestId?: string) {
    super(message);
    this.name = "ApiRequestError";
    this.code = code;
    this.status = status;
    this.requestId = requestId;
  }
}

/** A short sentence for banners: "UpstreamTimeout: the upstream did not answer in time". */
export function describeError(error: unknown): string {
  if (error instanceof ApiRequestError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return "Unknown error";
}
