import { createHmac, randomInt, timingSafeEqual } from "node:crypto";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "../../db/client";
import { contactVerifications, debtors, outbox } from "../../db/schema";
import { DomainError } from "../../domain/errors";
import { CHANNELS, channelOrder, isChannel, type Channel } from "../../domain/outreach";
import { parseSwedishPhone } from "../../domain/phone";
import { env } from "../../env";
import { recordAudit } from "../audit/record";
import { consumeRateLimit } from "../rate-limit/consume";

/** A code is good for 15 minutes and five tries; a person may ask for five codes an hour. */
export const CODE_MINUTES = 15;
export const CODE_TRIES = 5;
export const CODES_PER_HOUR = 5;
/** How many messages the history shows, newest first. */
export const HISTORY_LIMIT = 100;

export type ContactChannel = "sms" | "email";

export interface Preferences {
  order: Channel[];
  /** What the person chose themselves (null: the house order). */
  chosen: Channel[] | null;
  language: "sv" | "en";
  phone: string | null;
  phoneVerified: boolean;
  email: string | null;
  emailVerified: boolean;
  hasAddress: boolean;
  /** A code sent and not yet used, per channel: where it went and until when it holds. */
  pending: { channel: ContactChannel; address: string; expiresAt: Date }[];
  history: { id: string; kind: string; channel: Channel; status: string; at: Date; caseId: string | null }[];
}

/** Whether a channel may be chosen: SMS and e-mail need a verified address, paper an address. */
export function channelUsable(channel: Channel, p: Pick<Preferences, "phone" | "phoneVerified" | "email" | "emailVerified" | "hasAddress">): boolean {
  if (channel === "sms") return !!p.phone && p.phoneVerified;
  if (channel === "email") return !!p.email && p.emailVerified;
  if (channel === "paper") return p.hasAddress;
  return true;
}

/** The person's channels, language, contact details and everything we sent them. */
export async function getPreferences(db: Db, input: { debtorId: string; now: Date }): Promise<Preferences> {
  const [person] = await db.select().from(debtors).where(eq(debtors.id, input.debtorId));
  if (!person) throw new DomainError("debtor_not_found");
  const pendingRows = await db
    .select({ channel: contactVerifications.channel, address: contactVerifications.address, expiresAt: contactVerifications.expiresAt })
    .from(contactVerifications)
    .where(and(eq(contactVerifications.debtorId, input.debtorId), isNull(contactVerifications.verifiedAt), gt(contactVerifications.expiresAt, input.now)))
    .orderBy(desc(contactVerifications.createdAt));
  const pending: Preferences["pending"] = [];
  for (const r of pendingRows) {
    if ((r.channel === "sms" || r.channel === "email") && !pending.some((p) => p.channel === r.channel)) pending.push({ channel: r.channel, address: r.address, expiresAt: r.expiresAt });
  }
  const history = await db
    .select({ id: outbox.id, kind: outbox.kind, channel: outbox.channel, status: outbox.status, sentAt: outbox.sentAt, createdAt: outbox.createdAt, caseId: outbox.caseId })
    .from(outbox)
    .where(eq(outbox.debtorId, input.debtorId))
    .orderBy(desc(outbox.createdAt))
    .limit(HISTORY_LIMIT);
  return {
    order: channelOrder(person.channelOrder, person.preferredChannel),
    chosen: person.channelOrder ? person.channelOrder.filter(isChannel) : null,
    language: person.language,
    phone: person.phone,
    phoneVerified: !!person.phoneVerifiedAt,
    email: person.email,
    emailVerified: !!person.emailVerifiedAt,
    hasAddress: !!(person.street && person.postcode && person.city),
    pending,
    history: history.map((h) => ({ id: h.id, kind: h.kind, channel: h.channel, status: h.status, at: h.sentAt ?? h.createdAt, caseId: h.caseId })),
  };
}

export const savePreferencesInput = z.object({
  /** In order of choice; the first is where messages go first. */
  order: z.array(z.string()).min(1).max(CHANNELS.length),
  language: z.enum(["sv", "en"]),
});

/**
 * Saves the person's order of channels and language. Every later message follows it: the sender
 * reads the order when each message goes. SMS and e-mail can be chosen only with a verified address.
 */
export async function savePreferences(db: Db, input: z.infer<typeof savePreferencesInput> & { debtorId: string; now: Date }): Promise<{ order: Channel[] }> {
  const order = input.order.filter((c) => c !== "");
  if (order.length === 0) throw new DomainError("channel_required", undefined, { errors: { first: "channel_required" } });
  if (!order.every(isChannel)) throw new DomainError("channel_invalid", undefined, { errors: { first: "channel_invalid" } });
  if (new Set(order).size !== order.length) throw new DomainError("channel_twice", undefined, { errors: { [["first", "second", "third"][order.findIndex((c, i) => order.indexOf(c) !== i)] ?? "first"]: "channel_twice" } });
  return db.transaction(async (tx) => {
    const [person] = await tx.select().from(debtors).where(eq(debtors.id, input.debtorId)).for("update");
    if (!person) throw new DomainError("debtor_not_found");
    const facts = { phone: person.phone, phoneVerified: !!person.phoneVerifiedAt, email: person.email, emailVerified: !!person.emailVerifiedAt, hasAddress: !!(person.street && person.postcode && person.city) };
    const errors: Record<string, string> = {};
    order.forEach((c, i) => {
      if (!channelUsable(c, facts)) errors[["first", "second", "third", "fourth"][i]!] = c === "sms" ? "sms_unverified" : c === "email" ? "email_unverified" : "paper_no_address";
    });
    if (Object.keys(errors).length > 0) throw new DomainError(Object.values(errors)[0]!, undefined, { errors });
    await tx.update(debtors).set({ channelOrder: order, preferredChannel: order[0]!, language: input.language }).where(eq(debtors.id, input.debtorId));
    await recordAudit(tx, {
      actorKind: "debtor",
      actorId: input.debtorId,
      action: "preferences.changed",
      subjectKind: "debtor",
      subjectId: input.debtorId,
      debtorId: input.debtorId,
      details: { order, language: input.language },
    });
    return { order: channelOrder(order, order[0]!) };
  });
}

function codeKey(): string {
  return `contact-code:${env().AUTH_SECRET}`;
}

function hashCode(verificationId: string, code: string): string {
  return createHmac("sha256", codeKey()).update(`${verificationId}:${code}`).digest("hex");
}

/** A phone number or e-mail address as the person wrote it, checked and in one shape. */
export function normaliseAddress(channel: ContactChannel, raw: string): { ok: true; address: string } | { ok: false; problem: string } {
  if (channel === "sms") {
    const parsed = parseSwedishPhone(raw);
    if (!parsed.ok) return { ok: false, problem: parsed.problem };
    if (!parsed.phone.mobile) return { ok: false, problem: "phone_not_mobile" };
    return { ok: true, address: parsed.phone.e164 };
  }
  const email = raw.trim();
  if (email === "") return { ok: false, problem: "email_required" };
  if (email.length > 254 || !z.string().email().safeParse(email).success) return { ok: false, problem: "email_invalid" };
  return { ok: true, address: email.toLowerCase() };
}

/**
 * Sends a six-digit code to a phone number or e-mail address the person wants to add, through
 * that channel (the outbox, at once, whatever the hour). Only the code's keyed hash is kept with
 * the verification; the message carries the code until it is used.
 */
export async function startVerification(db: Db, input: { debtorId: string; channel: ContactChannel; address: string; now: Date; code?: string }): Promise<{ verificationId: string; messageId: string; address: string }> {
  const normal = normaliseAddress(input.channel, input.address);
  if (!normal.ok) throw new DomainError(normal.problem, undefined, { errors: { address: normal.problem } });
  const limit = await consumeRateLimit(db, { key: `contact-code:${input.debtorId}`, limit: CODES_PER_HOUR, windowSeconds: 3600, now: input.now });
  if (!limit.allowed) throw new DomainError("rate_limited_codes", undefined, { errors: { address: "rate_limited_codes" }, retryAfterSeconds: limit.retryAfterSeconds });
  const code = input.code ?? String(randomInt(0, 1_000_000)).padStart(6, "0");
  return db.transaction(async (tx) => {
    // A new code replaces any earlier one for the same channel.
    await tx
      .update(contactVerifications)
      .set({ expiresAt: input.now })
      .where(and(eq(contactVerifications.debtorId, input.debtorId), eq(contactVerifications.channel, input.channel), isNull(contactVerifications.verifiedAt), gt(contactVerifications.expiresAt, input.now)));
    const [verification] = await tx
      .insert(contactVerifications)
      .values({ debtorId: input.debtorId, channel: input.channel, address: normal.address, codeHash: "", expiresAt: new Date(input.now.getTime() + CODE_MINUTES * 60_000), createdAt: input.now })
      .returning({ id: contactVerifications.id });
    const verificationId = verification!.id;
    await tx.update(contactVerifications).set({ codeHash: hashCode(verificationId, code) }).where(eq(contactVerifications.id, verificationId));
    const [message] = await tx
      .insert(outbox)
      .values({
        debtorId: input.debtorId,
        caseId: null,
        channel: input.channel,
        kind: "contact_code",
        payload: { verificationId, address: normal.address, code },
        dedupeKey: `contact-code:${verificationId}`,
        scheduledFor: input.now,
        expiresAt: new Date(input.now.getTime() + CODE_MINUTES * 60_000),
      })
      .returning({ id: outbox.id });
    await recordAudit(tx, {
      actorKind: "debtor",
      actorId: input.debtorId,
      action: "contact.code_sent",
      subjectKind: "contact_verification",
      subjectId: verificationId,
      debtorId: input.debtorId,
      details: { channel: input.channel },
    });
    return { verificationId, messageId: message!.id, address: normal.address };
  });
}

/**
 * Checks a code the person typed against their latest code for the channel. Right: the address
 * becomes theirs, verified, and the code is wiped from the message that carried it. Wrong: one
 * try fewer; after five, or after 15 minutes, a new code must be asked for.
 */
export async function confirmVerification(db: Db, input: { debtorId: string; channel: ContactChannel; code: string; now: Date }): Promise<{ address: string }> {
  const code = input.code.replace(/\s/g, "");
  if (!/^\d{6}$/.test(code)) throw new DomainError("code_format", undefined, { errors: { code: "code_format" } });
  // A refusal is returned from the transaction, not thrown, so that a wrong try is still counted.
  const outcome = await db.transaction(async (tx): Promise<{ address: string } | { refused: string }> => {
    const [v] = await tx
      .select()
      .from(contactVerifications)
      .where(and(eq(contactVerifications.debtorId, input.debtorId), eq(contactVerifications.channel, input.channel), isNull(contactVerifications.verifiedAt), gt(contactVerifications.expiresAt, input.now)))
      .orderBy(desc(contactVerifications.createdAt))
      .limit(1)
      .for("update");
    if (!v) return { refused: "code_expired" };
    if (v.attempts >= CODE_TRIES) return { refused: "code_too_many" };
    const expected = Buffer.from(v.codeHash, "hex");
    const given = Buffer.from(hashCode(v.id, code), "hex");
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      await tx.update(contactVerifications).set({ attempts: v.attempts + 1 }).where(eq(contactVerifications.id, v.id));
      return { refused: v.attempts + 1 >= CODE_TRIES ? "code_too_many" : "code_wrong" };
    }
    await tx.update(contactVerifications).set({ verifiedAt: input.now, attempts: v.attempts + 1 }).where(eq(contactVerifications.id, v.id));
    await tx
      .update(debtors)
      .set(input.channel === "sms" ? { phone: v.address, phoneVerifiedAt: input.now } : { email: v.address, emailVerifiedAt: input.now })
      .where(eq(debtors.id, input.debtorId));
    await tx
      .update(outbox)
      .set({
        payload: { verificationId: v.id, address: v.address },
        bodyText: null,
        bodyHtml: null,
        rendered: null,
        // A code still on its way is no longer needed (and could not be sent without its code).
        status: sql`case when ${outbox.status} in ('queued', 'sending') then 'cancelled'::outbox_status else ${outbox.status} end`,
        updatedAt: input.now,
      })
      .where(and(eq(outbox.dedupeKey, `contact-code:${v.id}`), eq(outbox.debtorId, input.debtorId)));
    await recordAudit(tx, {
      actorKind: "debtor",
      actorId: input.debtorId,
      action: "contact.verified",
      subjectKind: "contact_verification",
      subjectId: v.id,
      debtorId: input.debtorId,
      details: { channel: input.channel },
    });
    return { address: v.address };
  });
  if ("refused" in outcome) throw new DomainError(outcome.refused, undefined, { errors: { code: outcome.refused } });
  return outcome;
}
