/** How often a screen polls: the `refresh` URL parameter of `/` and `/oncall`, defined once. */
export const REFRESH_CHOICES = ["off", "5s", "10s", "30s", "1m"] as const;
export type Refresh = (typeof REFRESH_CHOICES)[number];

/** Ten seconds: fresh enough to watch a queue move, and one upstream call per viewer per 10 s. */
export const DEFAULT_REFRESH: Refresh = "10s";

const REFRESH_MS: Record<Refresh, number | null> = { off: null, "5s": 5_000, "10s": 10_000, "30s": 30_000, "1m": 60_000 };

/** The polling interval in milliseconds; null for off. */
export function refreshMs(refresh: Refresh): number | null {
  return REFRESH_MS[refresh];
}
