import type { Metadata, Viewport } from "next";
import { Suspense } from "react";
import { pageData } from "@/lib/server/page-data-link";
import { OncallScreen } from "./oncall-screen";

export const metadata: Metadata = {
  title: "VOD on-call",
  description: "Is anything stuck, is work flowing, can these numbers be trusted: the on-call view of VOD media-processing tasks.",
};

export const viewport: Viewport = { colorScheme: "dark", themeColor: "#000000" };

// The configured SubAppIds are read when the page is served, not when it was built.
export const dynamic = "force-dynamic";

export default async function OncallPage() {
  const subAppIds = (await pageData()).offeredSubAppIds();
  return (
    <Suspense fallback={<main className="dark min-h-dvh bg-black p-6 text-3xl text-white">Loading the on-call view…</main>}>
      <OncallScreen subAppIds={subAppIds} />
    </Suspense>
  );
}
