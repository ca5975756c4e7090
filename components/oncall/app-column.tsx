import { formatDuration } from "@/lib/client/format-time";
import { formatDurationParam as formatSlo } from "@/lib/oncall/duration";
import type { OncallApp, OncallResponse } from "@/lib/oncall/types";
import { Sparkline } from "./sparkline";
import { FailureList } from "./failure-list";
import { StuckList } from "./stuck-list";
import { Tile } from "./tile";
import { STATE_STYLE } from "./tone";

interface AppColumnProps {
  app: OncallApp;
  thresholds: OncallResponse["thresholds"];
  /** The whole screen is stale (the browser's polls fail or lag), whatever this app's own answer said. */
  screenStale: boolean;
  /** Show the app's own heading and state: only when several apps share the screen. */
  showHeading: boolean;
}

const count = (value: number) => value.toLocaleString("en-US");
const seconds = (value: number | null) => (value === null ? "—" : formatDuration(value * 1_000));

export function AppColumn({ app, thresholds, screenStale, showHeading }: AppColumnProps) {
  const stale = screenStale || app.stale || !app.hasData;
  const { tiles } = app;
  const name = app.subAppId === null ? "Default app" : `SubAppId ${app.subAppId}`;
  const style = STATE_STYLE[app.state];
  const failure = tiles.failureRate === null ? "—" : `${tiles.failureRate.toFixed(1)}%`;
  const series = app.throughput.perMinute;
  return (
    <section aria-label={name} data-testid="oncall-app" data-subappid={app.subAppId ?? ""} data-synced-at={app.syncedAt ?? ""}
      data-state={app.state} data-stale={stale} className="flex min-w-0 flex-col gap-4">
      {showHeading ? (
        <header className="flex flex-wrap items-center gap-3">
          <h2 className="text-2xl font-bold text-white">{name}</h2>
          <span className={`rounded-md px-2 py-0.5 text-base font-bold uppercase ${style.block}`}>{style.word}</span>
          {app.reasons.length ? <span className="sr-only">: {app.reasons.map((reason) => reason.text).join("; ")}</span> : null}
        </header>
      ) : null}
      {showHeading && app.reasons.length ? (
        <ul className="flex flex-col gap-1 text-lg text-white" data-testid="app-reasons">
          {app.reasons.map((reason) => (
            <li key={reason.kind} className={reason.level === "red" ? "text-red-300" : "text-amber-300"}>{reason.text}</li>
          ))}
        </ul>
      ) : null}
      <div className="grid grid-cols-2 gap-3 xl:grid-cols-4">
        <Tile testId="tile-waiting" label="Waiting now" value={count(tiles.waiting)} rawValue={tiles.waiting} stale={stale}
          warn={app.stuck.waitingTotal > 0} detail={`15m ago: ${count(tiles.backlog15mAgo)}${tiles.backlogGrowthPct === null ? "" : ` (${tiles.backlogGrowthPct >= 0 ? "+" : ""}${Math.round(tiles.backlogGrowthPct)}%)`}`} />
        <Tile testId="tile-processing" label="Processing now" value={count(tiles.processing)} rawValue={tiles.processing} stale={stale}
          warn={app.stuck.processingTotal > 0} />
        <Tile testId="tile-ended" label="Finished, last hour" value={count(tiles.endedLastHour)} rawValue={tiles.endedLastHour} stale={stale} />
        <Tile testId="tile-throughput" label="Throughput" value={tiles.throughputPerMinute.toFixed(1)} rawValue={tiles.throughputPerMinute} stale={stale}
          warn={app.reasons.some((reason) => reason.kind === "stall" || reason.kind === "flow")} detail="per minute, last 15m; line: 6 hours">
          <Sparkline values={series} stale={stale}
            label={`Tasks finished per minute over 6 hours, from ${Math.min(...series).toFixed(1)} to ${Math.max(...series).toFixed(1)}`} />
        </Tile>
        <Tile testId="tile-oldest-waiting" label="Oldest waiting" value={seconds(tiles.oldestWaitingSeconds)} rawValue={tiles.oldestWaitingSeconds} stale={stale}
          warn={(tiles.oldestWaitingSeconds ?? 0) > thresholds.waitSlo} detail={`SLO ${formatSlo(thresholds.waitSlo)}`} />
        <Tile testId="tile-longest-running" label="Longest running" value={seconds(tiles.longestRunningSeconds)} rawValue={tiles.longestRunningSeconds} stale={stale}
          warn={(tiles.longestRunningSeconds ?? 0) > thresholds.runSlo} detail={`SLO ${formatSlo(thresholds.runSlo)}`} />
        <Tile testId="tile-failure-rate" label="Failure rate, last hour" value={failure} rawValue={tiles.failureRate} stale={stale}
          warn={(tiles.failureRate ?? 0) >= thresholds.failRate}
          detail={`outcome known for ${count(tiles.outcomesKnown)} of ${count(tiles.endedLastHour)} finished; ${count(tiles.outcomesFailed)} failed`} />
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <StuckList title={`Waiting over ${formatSlo(thresholds.waitSlo)}`} kind="waiting" tasks={app.stuck.waiting} total={app.stuck.waitingTotal} subAppId={app.subAppId} stale={stale} />
        <StuckList title={`Running over ${formatSlo(thresholds.runSlo)}`} kind="running" tasks={app.stuck.processing} total={app.stuck.processingTotal} subAppId={app.subAppId} stale={stale} />
        <FailureList failures={app.recentFailures ?? []} total={tiles.outcomesFailed} subAppId={app.subAppId} stale={stale} />
      </div>
    </section>
  );
}
