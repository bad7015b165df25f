import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { clientIp } from "@/server/api/context";
import { getViewer } from "@/server/auth/viewer";
import { getDb } from "@/server/db";
import { NEXT_CASE_COOKIE, openDeepLink } from "@/server/modules/deep-links/deep-links";
import { secureCookies } from "@/server/security/cookies";

export const dynamic = "force-dynamic";

/**
 * The landing of a link from an SMS, e-mail, Kivra letter or QR code: remembers the case, then
 * signs the person in (or goes straight to the case if they already are). Rate-limited per IP.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ipKey = createHash("sha256").update(clientIp(request.headers)).digest("hex").slice(0, 32);
  const result = await openDeepLink(await getDb(), { token, ipKey, now: new Date() });
  if (!result.ok) {
    if (result.reason === "rate_limited") return new NextResponse("Too many requests", { status: 429, headers: { "Retry-After": "600" } });
    return NextResponse.redirect(new URL("/login?reason=link", request.url), 303);
  }
  const viewer = await getViewer();
  const target = result.caseId ? `/cases/${result.caseId}` : "/cases";
  if (viewer?.kind === "debtor" && viewer.subjectId === result.debtorId) return NextResponse.redirect(new URL(target, request.url), 303);
  const response = NextResponse.redirect(new URL("/login", request.url), 303);
  response.cookies.set(NEXT_CASE_COOKIE, `${result.caseId ?? ""}|${result.channel}`, { httpOnly: true, secure: secureCookies(), sameSite: "lax", path: "/", maxAge: 1800 });
  return response;
}
