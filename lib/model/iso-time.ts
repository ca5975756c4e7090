/**
 * ISO 8601 UTC in whole seconds, as upstream, the API and the URL spell times
 * (`2026-11-28T13:57:15Z`): a time with milliseconds is cut to its second.
 */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(".000Z", "Z");
}
