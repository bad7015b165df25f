import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { SiteHeader } from "@/components/ui/site-header";
import { SiteFooter } from "@/components/ui/site-footer";
import { assetUrl } from "@/server/assets";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("common");
  return {
    title: { default: t("appName"), template: `%s – ${t("appName")}` },
    robots: { index: false, follow: false },
    referrer: "same-origin",
  };
}

export const viewport: Viewport = {
  width: "device-width",
  initialScale: 1,
  themeColor: "#0f524e",
  colorScheme: "light dark",
};

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const locale = await getLocale();
  const t = await getTranslations("common");
  // Set by proxy.ts for every page; the script is also allowed by 'self'.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    // public/enhance.js marks <html> data-enhanced before React, where a page has it, hydrates.
    <html lang={locale} suppressHydrationWarning>
      <body className="min-h-dvh flex flex-col">
        {/* Copy buttons and error-summary focus, on pages with React and on pages without it. */}
        <script src={assetUrl("enhance.js")} async nonce={nonce} />
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-paper focus:p-3"
        >
          {t("skipToContent")}
        </a>
        {/* No client-side message catalogue: client components get their words as props. */}
        <SiteHeader />
        <main id="main" className="flex-1 w-full max-w-2xl mx-auto px-4 py-6 sm:py-10">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
