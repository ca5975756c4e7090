// The API 3.0 request pipeline, in upstream's order: signature, action, rate limit, then the action
// itself. Injected faults slot in where a failing gateway would fail.
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { ApiError, errorBody } from "./api-errors";
import type { EmulatorState } from "./emulator-state";
import { errorMessageFor, MALFORMED_BODIES } from "./faults";
import { parseBody } from "./params";
import { verifyTc3 } from "./signature";

export interface ApiAnswer {
  body: string;
}

export async function handleApi(state: EmulatorState, req: IncomingMessage, raw: Buffer): Promise<ApiAnswer> {
  const requestId = randomUUID();
  const action = String(req.headers["x-tc-action"] ?? "");
  state.countRequest(action);
  const faults = state.faults;
  if (faults.latencyMs > 0) await new Promise((r) => setTimeout(r, faults.latencyMs));
  try {
    const secretId = verifyTc3(
      { method: req.method ?? "POST", url: req.url ?? "/", headers: req.headers, body: raw },
      state.keys,
      // Signatures carry the client's real clock, so skew is judged against ours, not the workload's.
      Math.floor(Date.now() / 1000),
    );
    if (!state.isAction(action)) throw new ApiError("InvalidAction", `The action \`${action}\` is not supported.`);
    if (!state.limiter.tryAcquire(`${action}|${secretId}`)) {
      throw new ApiError("RequestLimitExceeded", "Your request frequency exceeds the limit of 100 per second for this API.");
    }
    if (faults.errorRate > 0 && Math.random() < faults.errorRate) {
      throw new ApiError(faults.errorCode, errorMessageFor(faults.errorCode));
    }
    if (faults.malformedRate > 0 && Math.random() < faults.malformedRate) {
      return { body: MALFORMED_BODIES[Math.floor(Math.random() * MALFORMED_BODIES.length)] };
    }
    if (req.method !== "POST") throw new ApiError("InvalidParameter", "The emulator accepts API requests by POST only.");
    const result = state.run(action, parseBody(raw.toString("utf8")));
    return { body: JSON.stringify({ Response: { ...result, RequestId: requestId } }) };
  } catch (e) {
    const error = e instanceof ApiError ? e : new ApiError("InternalError", "An internal error occurred.");
    if (!(e instanceof ApiError)) console.error("vod emulator: internal error", e);
    state.stats.errors[error.code] = (state.stats.errors[error.code] ?? 0) + 1;
    return { body: errorBody(error.code, error.message, requestId) };
  }
}
