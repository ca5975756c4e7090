// Errors in upstream's vocabulary. Anything thrown as ApiError becomes an HTTP 200 answer with
// {"Response": {"Error": {"Code", "Message"}, "RequestId"}}, exactly as Tencent Cloud answers.
import { randomUUID } from "node:crypto";

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function errorBody(code: string, message: string, requestId: string = randomUUID()): string {
  return JSON.stringify({ Response: { Error: { Code: code, Message: message }, RequestId: requestId } });
}

export function invalidValue(name: string, detail: string, code = "InvalidParameterValue"): ApiError {
  return new ApiError(code, `The value of parameter \`${name}\` is invalid: ${detail}`);
}

export function missing(name: string): ApiError {
  return new ApiError("MissingParameter", `The request is missing a required parameter \`${name}\`.`);
}

export function unknownParameter(name: string): ApiError {
  return new ApiError("UnknownParameter", `The parameter \`${name}\` is not recognized.`);
}
