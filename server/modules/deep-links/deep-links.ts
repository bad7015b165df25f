import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client";
import { deepLinkOpens, deepLinkTokens } from "../../db/schema";
import { consumeRateLimit } from "../rate-limit/consume";

/** Where a deep link points, remembered across sign-in (an httpOnly cookie, never the URL). */
export const NEXT_CASE_COOKIE = "kvitt-next";

export const DEEP_LINK_LIMIT = { limit: 30, windowSeconds: 600 };

function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

function linkKey(): string {
  return process.env.AUTH_SECRET || "demo-only-auth-secret-not-for-production-000000";
}

function signature(random: string): string {
  return createHmac("sha256", `deep-link:${linkKey()}`).update(random).digest("base64url").slice(0, 22);
}

/**
 * A message's token: 18 random bytes and an HMAC over them, nothing else (no case number, no
 * personal data). A token that was changed fails the signature before the database is asked.
 */
export function newLinkToken(): string {
  const random = randomBytes(18).toString("base64url");
  return `${random}.${signature(random)}`;
}

function signatureHolds(token: string): boolean {
  const [random, sig] = token.split(".");
  if (!random || !sig) return false;
  const expected = Buffer.from(signature(random));
  const given = Buffer.from(sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
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
  return (await createDeepLinkRow(db, input)).token;
}

/** Like createDeepLink, with the stored row's id (a message keeps it). */
export async function createDeepLinkRow(
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
): Promise<{ token: string; id: string }> {
  const token = input.token ?? newLinkToken();
  const [row] = await db
    .insert(deepLinkTokens)
    .values({
      tokenHash: hashToken(token),
      debtorId: input.debtorId,
      caseId: input.caseId,
      channel: input.channel,
      outboxId: input.outboxId,
      expiresAt: new Date(input.now.getTime() + (input.ttlDays ?? 60) * 86_400_000),
    })
    .returning({ id: deepLinkTokens.id });
  return { token, id: row!.id };
}

export type OpenResult =
  | { ok: true; debtorId: string; caseId: string | null; channel: string; linkId: string }
  | { ok: false; reason: "not_found" | "expired" | "rate_limited" };

/** Someone opened a link: counts it (for "which message led to the payment") and says where it points. */
export async function openDeepLink(db: Queryable, input: { token: string; ipKey: string; now: Date }): Promise<OpenResult> {
  const limit = await consumeRateLimit(db, { key: `deeplink:${input.ipKey}`, ...DEEP_LINK_LIMIT, now: input.now });
  if (!limit.allowed) return { ok: false, reason: "rate_limited" };
  if (!/^[A-Za-z0-9_-]{6,64}(\.[A-Za-z0-9_-]{22})?$/.test(input.token)) return { ok: false, reason: "not_found" };
  if (input.token.includes(".") && !signatureHolds(input.token)) return { ok: false, reason: "not_found" };
  const [link] = await db
    .update(deepLinkTokens)
    .set({ openedCount: sql`${deepLinkTokens.openedCount} + 1`, lastOpenedAt: input.now })
    .where(eq(deepLinkTokens.tokenHash, hashToken(input.token)))
    .returning();
  if (!link) return { ok: false, reason: "not_found" };
  const expired = link.expiresAt <= input.now;
  await db.insert(deepLinkOpens).values({ linkId: link.id, outcome: expired ? "expired" : "opened", openedAt: input.now });
  if (expired) return { ok: false, reason: "expired" };
  return { ok: true, debtorId: link.debtorId, caseId: link.caseId, channel: link.channel, linkId: link.id };
}
