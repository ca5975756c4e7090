/** ISO 8601 UTC as upstream and the task API spell it: whole seconds without ".000". */
export function isoTime(ms: number): string {
  return new Date(ms).toISOString().replace(".000Z", "Z");
}
