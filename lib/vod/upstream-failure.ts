import { ApiError } from "@/lib/api/errors";

/** What went wrong with one upstream attempt, and whether another attempt may help. */
export interface UpstreamFailure {
  kind: "timeout" | "network" | "rate-limited" | "upstream-internal" | "http-status" | "refused" | "malformed";
  retryable: boolean;
  upstreamCode?: string;
  requestId?: string;
  detail: string;
}

interface SdkErrorShape {
  traceId?: unknown;
  message?: string;
  code?: unknown;
  httpCode?: unknown;
  requestId?: unknown;
}

const AUTH_EXPLANATIONS: Record<string, string> = {
  "AuthFailure.SignatureExpire": "the request's timestamp was refused: this server's clock is more than 5 minutes off",
  "AuthFailure.SecretIdNotFound": "the configured SecretId is not known upstream",
  "AuthFailure.SignatureFailure": "the signature was refused: check TENCENTCLOUD_SECRET_KEY",
  "AuthFailure.InvalidAuthorization": "the Authorization header was refused",
};

/**
 * Sorts an error thrown by the SDK call into a kind. The SDK raises TencentCloudSDKHttpException
 * with `code` for an API error and `httpCode` for a non-200 answer, wraps network failures in the
 * same class with neither, and lets a non-JSON or shapeless body escape as a plain error.
 */
export function classifyUpstreamFailure(error: unknown, timedOut: boolean): UpstreamFailure {
  const shape = (typeof error === "object" && error !== null ? error : {}) as SdkErrorShape;
  const requestId = typeof shape.requestId === "string" && shape.requestId ? shape.requestId : undefined;
  if (timedOut) return { kind: "timeout", retryable: true, detail: "no answer in time" };
  if (typeof shape.code === "string" && shape.code) {
    const code = shape.code;
    if (code.startsWith("RequestLimitExceeded")) return { kind: "rate-limited", retryable: true, upstreamCode: code, requestId, detail: code };
    if (code.startsWith("InternalError")) return { kind: "upstream-internal", retryable: true, upstreamCode: code, requestId, detail: code };
    return { kind: "refused", retryable: false, upstreamCode: code, requestId, detail: code };
  }
  if (typeof shape.httpCode === "number") {
    return { kind: "http-status", retryable: shape.httpCode >= 500, detail: `HTTP ${shape.httpCode}` };
  }
  // The SDK's own exception (it carries a traceId) without a code or status: the request never got an answer.
  if (typeof shape.traceId === "string") return { kind: "network", retryable: true, detail: "network error" };
  return { kind: "malformed", retryable: false, detail: "answer was not a VOD API response" };
}

/** The answer the dashboard gives once retrying is over. */
export function toApiError(failure: UpstreamFailure, retryAfterSeconds = 1): ApiError {
  const details = { requestId: failure.requestId, upstreamCode: failure.upstreamCode };
  switch (failure.kind) {
    case "timeout":
      return new ApiError("UpstreamTimeout", "The VOD API did not answer in time.", details);
    case "rate-limited":
      return new ApiError("RateLimited", "The VOD API's rate limit still holds after retrying; try again shortly.", { ...details, retryAfterSeconds });
    case "network":
    case "http-status":
    case "upstream-internal":
      return new ApiError("UpstreamUnavailable", `The VOD API is unavailable (${failure.detail}).`, details);
    case "malformed":
      return new ApiError("UpstreamBadResponse", "The VOD API answered with something that is not a valid response.", details);
    case "refused": {
      const code = failure.upstreamCode ?? "";
      const auth = AUTH_EXPLANATIONS[code];
      if (auth || code.startsWith("AuthFailure")) {
        return new ApiError("UpstreamAuthFailure", `The VOD API refused the dashboard's credentials (${code}): ${auth ?? "check the configured credentials"}.`, details);
      }
      return new ApiError("UpstreamRejected", `The VOD API refused the request (${code}).`, details);
    }
  }
}
