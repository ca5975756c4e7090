import { randomBytes } from "node:crypto";
import type http from "node:http";

/**
 * The Content-Security-Policy of a rendered page. Scripts run only with this request's nonce (Next.js
 * puts it on every script it renders, reading it from the request's own policy header; the layout
 * puts it on the theme script) or when such a script loads them ('strict-dynamic'); never eval,
 * except under `npm run dev`, whose React needs it. Styles may be inline: React's style attributes
 * and the charts' SVG use them, and a style cannot run code.
 */
export function pagePolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** Gives a page request its nonce: on the request for Next.js and the layout, on the answer for the browser. */
export function applyPagePolicy(req: http.IncomingMessage, res: http.ServerResponse, dev: boolean): void {
  const nonce = randomBytes(16).toString("base64");
  const policy = pagePolicy(nonce, dev);
  req.headers["content-security-policy"] = policy;
  req.headers["x-nonce"] = nonce;
  res.setHeader("content-security-policy", policy);
}
