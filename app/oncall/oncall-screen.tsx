"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useEffect, useMemo } from "react";
import { AppColumn } from "@/components/oncall/app-column";
import { ScreenControls, ThresholdsForm } from "@/components/oncall/controls";
import { NotifyButton } from "@/components/oncall/notify-button";
import { StateBanner } from "@/components/oncall/state-banner";
import { UrlNotice } from "@/components/url-notice";
import { ignoredValues } from "@/lib/filters/read-params";
import { SignedInAs } from "@/components/signed-in-as";
import { describeError } from "@/lib/client/api-error";
import { formatAgeMs } from "@/lib/client/format-time";
import { useNow } from "@/lib/client/use-now";
import { oncallParams, staleAfterMs } from "@/lib/oncall/params";
import { pageTitle, screenState } from "@/lib/oncall/screen-state";
import { oncallQueryOptions } from "./oncall-query";
import { useOncallUrl } from "./use-oncall-url";
import { useRedAlerts } from "./use-red-alerts";

/**
 * The wall screen. Always dark (the `dark` class on its root, whatever the site theme), large
 * type, one column per SubAppId on wide screens and stacked on a phone; it polls by itself.
 */
export function OncallScreen({ subAppIds }: { subAppIds: number[] }) {
  const { params, setParams, apiSearch } = useOncallUrl();
  const query = useQuery(oncallQueryOptions(apiSearch, params.refresh));
  // A mistyped threshold reads as its default: said on the screen, so nobody trusts a threshold they did not get.
  const search = useSearchParams();
  const ignored = useMemo(() => ignoredValues(oncallParams, new URLSearchParams(search.toString())), [search]);
  const now = useNow();
  const data = query.data;
  const screen = screenState({
    nowMs: now, data, receivedAtMs: query.dataUpdatedAt || null,
    fetchError: query.error ? describeError(query.error) : null, staleAfterMs: staleAfterMs(params.refresh),
  });
  const title = pageTitle(data || query.error ? screen : null);
  const summary = screen.staleReason ?? data?.apps.flatMap((app) => app.reasons.map((reason) => reason.text)).join("; ") ?? "";
  const alerts = useRedAlerts(data || query.error ? screen.state : null, summary);

  useEffect(() => {
    document.title = title;
  }, [title]);

  const apps = data?.apps ?? [];
  // The age of the numbers themselves (the oldest app's last sync), not of the last answer: an
  // answer that arrives while upstream hangs carries old numbers, and "just now" would be a lie.
  const synced = apps.map((app) => (app.syncedAt ? Date.parse(app.syncedAt) : null));
  const dataAtMs = synced.length && synced.every((at) => at !== null) ? Math.min(...(synced as number[])) : null;
  return (
    <main className="dark min-h-dvh bg-black p-3 text-white sm:p-6" data-testid="oncall-screen">
      <div className="mx-auto flex max-w-[120rem] flex-col gap-4 sm:gap-6">
        <header className="flex flex-wrap items-center justify-between gap-3">
          <div className="flex items-baseline gap-4">
            <h1 className="text-2xl font-bold sm:text-3xl">VOD on-call</h1>
            <Link href="/" className="text-base text-sky-300 underline">Dashboard</Link>
          </div>
          <div className="flex flex-wrap items-center gap-3">
            <span className="text-base text-zinc-300" data-testid="updated-at">
              {dataAtMs && now ? `Data from ${formatAgeMs(now - dataAtMs)}` : "Loading…"}
            </span>
            <ScreenControls refresh={params.refresh} onRefresh={(refresh) => void setParams({ refresh })}
              subAppIds={subAppIds} subAppId={params.subAppId} onSubApp={(subAppId) => void setParams({ subAppId })} />
            <NotifyButton supported={alerts.supported} permission={alerts.permission} enabled={alerts.enabled} onToggle={() => void alerts.toggle()} />
            <SignedInAs tone="dark" />
          </div>
        </header>
        <UrlNotice problems={ignored} />
        {data || query.error ? <StateBanner screen={screen} data={data} nowMs={now} /> : (
          <p className="text-3xl" role="status">Loading…</p>
        )}
        {apps.length ? (
          <div className={`grid gap-8 ${apps.length > 1 ? "2xl:grid-cols-2" : ""}`}>
            {apps.map((app) => (
              <AppColumn key={app.subAppId ?? "default"} app={app} thresholds={data!.thresholds} screenStale={screen.stale} showHeading={apps.length > 1} />
            ))}
          </div>
        ) : null}
        <ThresholdsForm values={params} onApply={(values) => void setParams(values)} />
      </div>
    </main>
  );
}
