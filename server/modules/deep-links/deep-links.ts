import { createHash, randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { deepLinkTokens } from "../../db/schema";
import { consumeRateLimit } from "../rate-limit/consume";

/** Where a deep link points, remembered across sign-in (an httpOnly cookie, never the URL). */
export const NEXT_CASE_COOKIE = "kvitt-next";

export const DEEP_LINK_LIMIT = { limit: 30, windowSeconds: 600 };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A link for a message: only the hash is stored, the token goes into the SMS, e-mail or letter. */
export async function createDeepLink(
  db: Queryable,
  input: {
    debtorId: string;
    caseId: string | null;
    channel: "kivra" | "sms" | "email" | "paper";
    outboxId?: string;
    now: Date;
    ttlDays?: number;
    token?: string;
  },
): Promise<string> {
  const token = input.token ?? randomBytes(18).toString("base64url");
  await db.insert(deepLinkTokens).values({
    tokenHash: hashToken(token),
    debtorId: input.debtorId,
    caseId: input.caseId,
    channel: input.channel,
    outboxId: input.outboxId,
    expiresAt: new Date(input.now.getTime() + (input.ttlDays ?? 60) * 86_400_000),
  });
  return token;
}

export type OpenResult =
  | { ok: true; debtorId: string; caseId: string | null; channel: string; linkId: string }
  | { ok: false; reason: "not_found" | "expired" | "rate_limited" };

/** Someone opened a link: counts it (for "which message led to the payment") and says where it points. */
export async function openDeepLink(db: Queryable, input: { token: string; ipKey: string; now: Date }): Promise<OpenResult> {
  const limit = await consumeRateLimit(db, { key: `deeplink:${input.ipKey}`, ...DEEP_LINK_LIMIT, now: input.now });
  if (!limit.allowed) return { ok: false, reason: "rate_limited" };
  if (!/^[A-Za-z0-9_-]{6,64}$/.test(input.token)) return { ok: false, reason: "not_found" };
  const [link] = await db
    .update(deepLinkTokens)
    .set({ openedCount: sql`${deepLinkTokens.openedCount} + 1`, lastOpenedAt: input.now })
    .where(eq(deepLinkTokens.tokenHash, hashToken(input.token)))
    .returning();
  if (!link) return { ok: false, reason: "not_found" };
  if (link.expiresAt <= input.now) return { ok: false, reason: "expired" };
  return { ok: true, debtorId: link.debtorId, caseId: link.caseId, channel: link.channel, linkId: link.id };
}
