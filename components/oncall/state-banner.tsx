import { formatAgeMs, formatClock } from "@/lib/client/format-time";
import type { ScreenState } from "@/lib/oncall/screen-state";
import type { OncallResponse } from "@/lib/oncall/types";
import { STALE_STYLE, STATE_STYLE } from "./tone";

interface StateBannerProps {
  screen: ScreenState;
  data: OncallResponse | undefined;
  nowMs: number;
}

/** Reasons of every app, named by app when there are several. */
function reasonLines(data: OncallResponse | undefined): { key: string; text: string; level: string }[] {
  if (!data) return [];
  const several = data.apps.length > 1;
  return data.apps.flatMap((app) => app.reasons
    .filter((reason) => reason.kind !== "stale")
    .map((reason) => ({ key: `${app.subAppId}-${reason.kind}`, level: reason.level, text: several ? `${app.subAppId}: ${reason.text}` : reason.text })));
}

/**
 * The one thing to read from across the room: the state as a colour block and a word, the
 * reasons in words, and, when the numbers cannot be trusted, that they are stale and since when.
 */
export function StateBanner({ screen, data, nowMs }: StateBannerProps) {
  const style = screen.stale ? STALE_STYLE : STATE_STYLE[screen.state];
  const lines = reasonLines(data);
  const lastGood = screen.lastGoodMs;
  return (
    <section data-testid="oncall-state" data-state={screen.state} data-stale={screen.stale} aria-label="Overall state"
      className={`rounded-2xl p-4 sm:p-6 ${style.block}`}>
      <div role="status" aria-live="polite" className="flex flex-wrap items-baseline gap-x-6 gap-y-2">
        <p className="text-5xl font-black uppercase tracking-tight sm:text-7xl">{screen.stale ? "Data stale" : style.word}</p>
        {screen.stuckTotal > 0 ? <p className="text-3xl font-bold sm:text-4xl" data-testid="stuck-total">{screen.stuckTotal} stuck</p> : null}
      </div>
      {screen.stale ? (
        <p className="mt-3 text-xl font-semibold sm:text-2xl" data-testid="stale-reason">
          {screen.staleReason}. {lastGood ? `Last good data: ${formatClock(lastGood, undefined)} (${formatAgeMs(nowMs - lastGood)}). The numbers below are not current.` : "Nothing has been read yet."}
        </p>
      ) : null}
      {lines.length ? (
        <ul className="mt-3 flex flex-col gap-1 text-xl font-semibold sm:text-2xl" data-testid="oncall-reasons">
          {lines.map((line) => <li key={line.key}>{line.text}</li>)}
        </ul>
      ) : !screen.stale && data ? <p className="mt-3 text-xl font-semibold sm:text-2xl">Nothing stuck, work is flowing, the data is current.</p> : null}
    </section>
  );
}
