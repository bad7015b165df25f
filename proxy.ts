import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, newNonce } from "./server/security/headers";

/**
 * A fresh CSP nonce for every page: Next.js reads it from the request's Content-Security-Policy
 * header and puts it on its scripts; the layout reads `x-nonce` for ours.
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  const csp = contentSecurityPolicy(nonce, { dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Built scripts, styles and files in public/ need no policy of their own.
  matcher: ["/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|[^/]+\\.(?:js|css|txt|png|svg|ico)$).*)"],
};
