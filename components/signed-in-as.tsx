"use client";
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { ApiRequestError } from "@/lib/client/api-error";
import { fetchJson } from "@/lib/client/fetch-json";
import type { SignedIn } from "@/lib/model/signed-in";

/**
 * Who the page is signed in as, with sign-out; nothing without a sign-in mode. Sign-out is a form
 * button that POSTs to the server's /auth/sign-out (never a GET another site could set off with a
 * link or an image); behind an authenticating proxy it is the proxy's own sign-out link. Asked again every
 * minute, so a session that ended (expired, signed out in another tab) takes the page to sign-in
 * instead of leaving it polling into 401s.
 */
export function SignedInAs({ tone = "page" }: { tone?: "page" | "dark" }) {
  const me = useQuery({
    queryKey: ["me"],
    queryFn: ({ signal }) => fetchJson<SignedIn>("/api/me", signal),
    staleTime: 60_000,
    refetchInterval: 60_000,
    retry: false,
  });
  const signedOut = me.error instanceof ApiRequestError && me.error.status === 401;
  useEffect(() => {
    // /auth/sign-in is the server's own route, not a Next.js page: a full navigation is the point.
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination
    if (signedOut) window.location.assign(`/auth/sign-in?next=${encodeURIComponent(window.location.pathname + window.location.search)}`);
  }, [signedOut]);
  const identity = me.data?.identity;
  if (!identity) return null;
  const muted = tone === "dark" ? "text-zinc-300" : "text-zinc-600 dark:text-zinc-300";
  const linkTone = tone === "dark" ? "text-sky-300 underline" : "text-sky-700 underline dark:text-sky-300";
  const signOut = me.data?.signOut;
  return (
    <span className={`flex min-w-0 items-center gap-2 text-sm ${muted}`} data-testid="signed-in-as">
      <span className="max-w-[12rem] truncate" title={`Signed in as ${identity}`}>{identity}</span>
      {signOut && me.data?.mode === "proxy" ? <a href={signOut} className={linkTone}>Sign out</a> : null}
      {signOut && me.data?.mode !== "proxy" ? (
        // A whole-page POST: the server answers with the provider's sign-out or the browser's password prompt.
        <form method="post" action={signOut} className="contents">
          <button type="submit" className={`cursor-pointer ${linkTone}`}>Sign out</button>
        </form>
      ) : null}
    </span>
  );
}
