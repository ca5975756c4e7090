import type { OncallState } from "@/lib/oncall/types";

/** One change of an app's on-call state, as every receiver is told of it. */
export interface AlertEvent {
  /** null: the account's default app. */
  subAppId: number | null;
  state: OncallState;
  previous: OncallState | null;
  /** The reasons in words, worst first; empty on recovery. */
  reasons: string[];
  /** The on-call view of this app with the thresholds the alert judged by. */
  link: string;
  at: string;
}

const EMOJI: Record<OncallState, string> = { red: "🔴", amber: "🟠", green: "🟢" };

export function headline(event: AlertEvent): string {
  const app = event.subAppId === null ? "the default app" : `app ${event.subAppId}`;
  if (event.state === "green") return `${EMOJI.green} VOD tasks of ${app} are back to green${event.previous ? ` (was ${event.previous})` : ""}`;
  return `${EMOJI[event.state]} VOD tasks of ${app} are ${event.state}${event.previous ? ` (was ${event.previous})` : ""}`;
}
