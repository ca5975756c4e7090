// TC3-HMAC-SHA256, API 3.0's request signature. signTc3 is the algorithm as Tencent documents it;
// verifyTc3 checks an incoming request the way the gateway does and names the failure upstream's way.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "./api-errors";

export const TC3_ALGORITHM = "TC3-HMAC-SHA256";
/** Upstream rejects a request whose timestamp is further than this from its clock. */
export const MAX_CLOCK_SKEW_SECONDS = 300;

export interface Tc3Input {
  secretId: string;
  secretKey: string;
  /** Credential-scope service, e.g. "vod"; the Node SDK uses the endpoint's first label. */
  service: string;
  /** Epoch seconds. */
  timestamp: number;
  method?: string;
  path?: string;
  query?: string;
  /** Signed headers by lower-case name; values are trimmed and lower-cased as the spec says. */
  headers: Record<string, string>;
  payload: string | Buffer;
}

export interface Tc3Signature {
  authorization: string;
  signature: string;
  canonicalRequest: string;
  stringToSign: string;
}

export function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

export function utcDate(timestamp: number): string {
  return new Date(timestamp * 1000).toISOString().slice(0, 10);
}

export function signTc3(input: Tc3Input): Tc3Signature {
  const names = Object.keys(input.headers).map((n) => n.toLowerCase()).sort();
  const lower = Object.fromEntries(Object.entries(input.headers).map(([k, v]) => [k.toLowerCase(), v]));
  const canonicalHeaders = names.map((n) => `${n}:${lower[n].trim().toLowerCase()}\n`).join("");
  const signedHeaders = names.join(";");
  const canonicalRequest = [
    input.method ?? "POST",
    input.path ?? "/",
    input.query ?? "",
    canonicalHeaders,
    signedHeaders,
    sha256Hex(input.payload),
  ].join("\n");
  const date = utcDate(input.timestamp);
  const scope = `${date}/${input.service}/tc3_request`;
  const stringToSign = [TC3_ALGORITHM, String(input.timestamp), scope, sha256Hex(canonicalRequest)].join("\n");
  const kDate = hmac("TC3" + input.secretKey, date);
  const kService = hmac(kDate, input.service);
  const kSigning = hmac(kService, "tc3_request");
  const signature = createHmac("sha256", kSigning).update(stringToSign).digest("hex");
  return {
    authorization: `${TC3_ALGORITHM} Credential=${input.secretId}/${scope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    signature,
    canonicalRequest,
    stringToSign,
  };
}

export interface IncomingSignedRequest {
  method: string;
  /** Request target as received, e.g. "/" or "/?a=b". */
  url: string;
  /** Node's lower-cased header map. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

const AUTHORIZATION =
  /^TC3-HMAC-SHA256 Credential=([^/\s]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s]+)\/tc3_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/;

/**
 * Checks a request against the accepted keys; returns its SecretId or throws the AuthFailure upstream
 * would answer. The service is read from the credential scope, since clients derive it differently.
 */
export function verifyTc3(req: IncomingSignedRequest, keys: ReadonlyMap<string, string>, nowSeconds: number): string {
  const header = single(req.headers["authorization"]);
  const m = header ? AUTHORIZATION.exec(header.trim()) : null;
  if (!m) throw new ApiError("AuthFailure.InvalidAuthorization", "The Authorization header is missing or malformed.");
  const [, secretId, date, service, signedHeaders, signature] = m;
  const names = signedHeaders.split(";");
  if (!names.includes("host") || !names.includes("content-type")) {
    throw new ApiError("AuthFailure.InvalidAuthorization", "SignedHeaders must include content-type and host.");
  }
  const timestamp = Number(single(req.headers["x-tc-timestamp"]));
  if (!Number.isSafeInteger(timestamp) || timestamp <= 0) {
    throw new ApiError("AuthFailure.InvalidAuthorization", "The X-TC-Timestamp header is missing or invalid.");
  }
  const secretKey = keys.get(secretId);
  if (secretKey === undefined) throw new ApiError("AuthFailure.SecretIdNotFound", "The SecretId is not found.");
  if (Math.abs(nowSeconds - timestamp) > MAX_CLOCK_SKEW_SECONDS) {
    throw new ApiError("AuthFailure.SignatureExpire", "The signature has expired: the request timestamp is more than 5 minutes from the server time.");
  }
  const failure = new ApiError("AuthFailure.SignatureFailure", "The provided credentials could not be validated: the signature does not match.");
  if (date !== utcDate(timestamp)) throw failure;
  const q = req.url.indexOf("?");
  const base = {
    secretId,
    secretKey,
    service,
    timestamp,
    method: req.method,
    path: q < 0 ? req.url : req.url.slice(0, q),
    query: q < 0 ? "" : req.url.slice(q + 1),
    payload: req.body,
  };
  // The Node SDK signs the host name without the port; other clients sign Host as sent. Accept both.
  const host = single(req.headers["host"]) ?? "";
  const hosts = [...new Set([host.replace(/:\d+$/, ""), host])];
  for (const h of hosts) {
    const headers: Record<string, string> = {};
    for (const n of names) headers[n] = n === "host" ? h : (single(req.headers[n]) ?? "");
    const expected = signTc3({ ...base, headers }).signature;
    if (timingSafeEqual(Buffer.from(expected), Buffer.from(signature))) return secretId;
  }
  throw failure;
}

function single(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v;
}
