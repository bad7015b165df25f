import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

/**
 * Headers that do not change per request. The Content-Security-Policy, with its per-request
 * nonce, is set by proxy.ts (see server/security/headers.ts).
 */
const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains; preload" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: ["@electric-sql/pglite", "pg", "pg-boss", "date-holidays"],
  // Bankgirot's daily BgMax file is uploaded by staff through a server action.
  experimental: {
    serverActions: { bodySizeLimit: "30mb" },
    // A one-off build (CI, a fresh clone) never reads the cache back; writing it costs seconds.
    turbopackFileSystemCacheForBuild: process.env.CI !== "true",
  },
  // `npm test` has already run `tsc --noEmit` over the whole project (and fails on any error) when
  // it builds, so the build need not check the same types again.
  typescript: { ignoreBuildErrors: process.env.KVITT_TYPES_CHECKED === "1" },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default withNextIntl(nextConfig);
