import { formatDurationParam } from "./duration";
import type { OncallResponse, OncallState } from "./types";

/**
 * What the screen as a whole says, combining the server's assessment with what only the browser
 * knows: whether its own polling still gets answers. The numbers on screen are current only when
 * both agree; otherwise the whole screen says stale and when it last succeeded.
 */
export interface ScreenState {
  state: OncallState;
  stale: boolean;
  /** Why the screen is stale, in words; null when it is not. */
  staleReason: string | null;
  /** The last moment the numbers were known to be current (epoch ms), for "last succeeded at". */
  lastGoodMs: number | null;
  stuckTotal: number;
}

export interface ScreenInput {
  nowMs: number;
  data: OncallResponse | undefined;
  /** When the browser received `data` (TanStack's dataUpdatedAt); 0 or null when never. */
  receivedAtMs: number | null;
  /** The last poll's failure, in words, or null when it succeeded. */
  fetchError: string | null;
  staleAfterMs: number;
}

function lastSyncMs(data: OncallResponse, receivedAtMs: number): number | null {
  // Server clock → browser clock: the age at the answer, counted from when it arrived.
  const ages = data.apps.map((app) => app.dataAgeSeconds).filter((age): age is number => age !== null);
  return ages.length ? receivedAtMs - Math.max(...ages) * 1_000 : null;
}

export function screenState({ nowMs, data, receivedAtMs, fetchError, staleAfterMs }: ScreenInput): ScreenState {
  if (!data || !receivedAtMs) {
    return { state: fetchError ? "red" : "green", stale: fetchError !== null, staleReason: fetchError ? `No data: ${fetchError}` : null, lastGoodMs: null, stuckTotal: 0 };
  }
  const lastGoodMs = lastSyncMs(data, receivedAtMs);
  const serverStale = data.apps.find((app) => app.stale);
  const age = lastGoodMs === null ? null : nowMs - lastGoodMs;
  let staleReason: string | null = null;
  if (fetchError) staleReason = `The dashboard's server is not answering (${fetchError})`;
  else if (serverStale) staleReason = serverStale.reasons.find((reason) => reason.kind === "stale")?.text ?? "Data is stale";
  else if (age !== null && age > staleAfterMs) staleReason = `Data is stale: no update for ${formatDurationParam(age / 1_000)}`;
  const stale = staleReason !== null;
  return { state: stale ? "red" : data.state, stale, staleReason, lastGoodMs, stuckTotal: data.stuckTotal };
}

const STATE_WORD: Record<OncallState, string> = { green: "OK", amber: "WARN", red: "ALERT" };
const STATE_MARK: Record<OncallState, string> = { green: "🟢", amber: "🟠", red: "🔴" };

/** The tab title, so a background tab still tells: "🔴 3 stuck · VOD on-call", "⚠ STALE · VOD on-call". */
export function pageTitle(screen: ScreenState | null): string {
  if (!screen) return "VOD on-call";
  const stuck = screen.stuckTotal > 0 ? `${screen.stuckTotal} stuck` : null;
  if (screen.stale) return ["⚠ STALE", stuck, "VOD on-call"].filter(Boolean).join(" · ");
  return `${STATE_MARK[screen.state]} ${[stuck ?? STATE_WORD[screen.state], "VOD on-call"].join(" · ")}`;
}

/** A notification only on the way into red, never for a screen that opened red or stays red. */
export function turnedRed(previous: OncallState | undefined, next: OncallState): boolean {
  return previous !== undefined && previous !== "red" && next === "red";
}
