import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/** A key for sealing one kind of value, derived from the dashboard's secret and the kind's name. */
export function sealKey(secret: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, Buffer.alloc(0), `vod-dashboard ${purpose} v1`, 32));
}

/**
 * Encrypts and authenticates a value (AES-256-GCM) with an expiry, as base64url text fit for a
 * cookie: the browser holds it but can neither read nor alter it.
 */
export function seal(value: unknown, key: Buffer, expiresAtMs: number): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const plain = Buffer.from(JSON.stringify({ v: value, e: expiresAtMs }), "utf8");
  const encrypted = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString("base64url");
}

/** The sealed value, or undefined when the text is forged, altered, sealed with another key, or expired. */
export function unseal(text: string, key: Buffer, nowMs: number): unknown {
  if (text.length > 4096 || !/^[A-Za-z0-9_-]+$/.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64url");
  if (bytes.length < 29) return undefined;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
    const { v, e } = JSON.parse(plain.toString("utf8")) as { v: unknown; e: number };
    return typeof e === "number" && e > nowMs ? v : undefined;
  } catch {
    return undefined;
  }
}
