import { NextResponse } from "next/server";
import { isLocale, LOCALE_COOKIE } from "@/i18n/config";
import { secureCookies } from "@/server/security/cookies";

/** Sets the language cookie and sends the person back to the page they were on (same origin only). */
export async function POST(request: Request) {
  const form = await request.formData().catch(() => null);
  const lang = form?.get("lang");
  const referer = request.headers.get("referer");
  let back = "/";
  if (referer) {
    const url = new URL(referer);
    if (url.host === new URL(request.url).host || url.host === request.headers.get("host")) back = url.pathname + url.search;
  }
  const response = NextResponse.redirect(new URL(back, request.url), 303);
  if (isLocale(lang)) {
    response.cookies.set(LOCALE_COOKIE, lang, { path: "/", maxAge: 60 * 60 * 24 * 365, sameSite: "lax", httpOnly: true, secure: secureCookies() });
  }
  return response;
}
