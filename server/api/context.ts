import { cookies, headers } from "next/headers";
import { getViewer } from "../auth/viewer";
import { getDb } from "../db";
import { resolveLocale } from "../../i18n/request";
import { env } from "../env";
import { secureCookies } from "../security/cookies";
import type { Context } from "./trpc";

/** Client address for BankID's endUserIp and rate limits: the proxy's forwarded address, else loopback. */
export function clientIp(h: Headers): string {
  const forwarded = h.get("x-forwarded-for")?.split(",")[0]?.trim();
  const candidate = forwarded || h.get("x-real-ip") || "127.0.0.1";
  return candidate.replace(/^::ffff:/, "");
}

/** Mutations over HTTP must come from our own pages (Origin or Fetch Metadata says so). */
export function isSameOrigin(h: Headers): boolean {
  const site = h.get("sec-fetch-site");
  if (site) return site === "same-origin" || site === "none";
  const origin = h.get("origin");
  if (!origin) return false;
  return new URL(origin).host === h.get("host");
}

/**
 * The portal's public address for links that leave it and come back (BankID's and Swish's return).
 * A deployment names it in PUBLIC_BASE_URL; a demo without it answers on whatever host it was opened
 * (localhost, 127.0.0.1, a LAN address), so the address is taken from the request.
 */
export function publicBaseUrl(h: Headers): string {
  const configured = env().PUBLIC_BASE_URL.replace(/\/+$/, "");
  if (env().KVITT_DEMO !== "1" || process.env.PUBLIC_BASE_URL) return configured;
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host || !/^[a-z0-9.:[\]-]+$/i.test(host)) return configured;
  const proto = h.get("x-forwarded-proto") === "https" ? "https" : "http";
  return `${proto}://${host}`;
}

export async function createRequestContext(options: { overHttp: boolean }): Promise<Context> {
  const h = await headers();
  const jar = await cookies();
  return {
    db: await getDb(),
    viewer: await getViewer(),
    locale: await resolveLocale(),
    ip: clientIp(h),
    baseUrl: publicBaseUrl(h),
    now: new Date(),
    sameOrigin: options.overHttp ? isSameOrigin(h) : true,
    cookies: {
      get: (name) => jar.get(name)?.value,
      set: (name, value, { maxAgeSeconds }) => {
        try {
          jar.set(name, value, {
            httpOnly: true,
            sameSite: "lax",
            secure: secureCookies(),
            path: "/",
            maxAge: maxAgeSeconds,
          });
        } catch {
          // Server components cannot set cookies; only route handlers and actions need to.
        }
      },
    },
  };
}
