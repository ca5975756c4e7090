/** GET /api/media-names's answer. */
export interface MediaNames {
  /** Each asked file whose name is known: its name, or null when the app has no such file. */
  names: Record<string, string | null>;
  /** The asked files whose names are not known yet (the lookup failed, was refused or is still running): ask again later. */
  unknown: string[];
}
