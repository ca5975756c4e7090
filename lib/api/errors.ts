/**
 * The one error shape of the dashboard's HTTP API: `{"error": {"code", "message", "requestId"?}}`.
 * Codes are ours, not upstream's; the status follows from the code alone.
 */
export const ERROR_STATUS = {
  InvalidParameter: 400,
  Unauthenticated: 401,
  Forbidden: 403,
  TaskNotFound: 404,
  NotFound: 404,
  MethodNotAllowed: 405,
  MisdirectedRequest: 421,
  BadRequest: 400,
  RequestTimeout: 408,
  RateLimited: 429,
  UpstreamAuthFailure: 502,
  UpstreamRejected: 502,
  UpstreamBadResponse: 502,
  UpstreamUnavailable: 502,
  UpstreamTimeout: 504,
  StoreUnavailable: 503,
  InternalError: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; requestId?: string };
}

export class ApiError extends Error {
  readonly code: ErrorCode;
  /** The upstream's RequestId, when the upstream answered. */
  readonly requestId?: string;
  /** The upstream's own error code, such as InvalidParameterValue.TaskId, when it gave one. */
  readonly upstreamCode?: string;
  readonly retryAfterSeconds?: number;
  /** For a 401: the WWW-Authenticate challenge (basic sign-in), when the sign-in mode has one. */
  readonly challenge?: string;

  constructor(code: ErrorCode, message: string, details: { requestId?: string; upstreamCode?: string; retryAfterSeconds?: number; challenge?: string } = {}) {
    super(message);
    this.name = "ApiError";
    this.code = code;
    this.requestId = details.requestId;
    this.upstreamCode = details.upstreamCode;
    this.retryAfterSeconds = details.retryAfterSeconds;
    this.challenge = details.challenge;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    const body: ErrorBody = { error: { code: this.code, message: this.message } };
    if (this.requestId) body.error.requestId = this.requestId;
    return body;
  }
}

export function invalidParameter(message: string): ApiError {
  return new ApiError("InvalidParameter", message);
}

/** Reads an error answer, for fetchers and tests; anything else becomes an InternalError body. */
export function readErrorBody(value: unknown): ErrorBody["error"] {
  const error = (value as Partial<ErrorBody> | null)?.error;
  if (error && typeof error.code === "string" && typeof error.message === "string") return error;
  return { code: "InternalError", message: "The server answered with an unexpected body." };
}
