import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import type { ReactNode } from "react";
import { THEME_SCRIPT } from "@/components/theme-script";
import "./globals.css";
import { Providers } from "./providers";

export const metadata: Metadata = {
  title: "VOD tasks",
  description: "Tencent Cloud VOD media-processing tasks: live list, filters, charts and details.",
};

export const viewport: Viewport = {
  colorScheme: "light dark",
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#09090b" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The server's page policy allows scripts with this request's nonce only (lib/server/page-policy.ts).
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // The theme script sets the class before React hydrates, which React would otherwise call a mismatch.
    <html lang="en" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_SCRIPT }} />
      </head>
      <body className="min-h-dvh bg-zinc-50 text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
