import { and, desc, eq, inArray, isNull, ne, notInArray, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { debtors, debtorSupportNeeds, outbox } from "../../db/schema";
import { todayInStockholm } from "../../domain/calendar";
import { channelOrder, decideDispatch, type Channel } from "../../domain/outreach";
import { ChannelError } from "../../integrations/channel-error";
import { openPersonalNumber, type Keyring } from "../../security/personal-number";
import { createDeepLinkRow } from "../deep-links/deep-links";
import { casesOnHold } from "../holds/paused";
import { emailHtml, emailText, smsText } from "./compose";
import { renderContent, type Language, type MessageContent } from "./render";

/** One message as a channel sends it: rendered, addressed, with its link. */
export interface OutgoingMessage {
  id: string;
  kind: string;
  channel: Channel;
  language: Language;
  recipient: string | null;
  subject: string;
  text: string;
  html: string | null;
  content: MessageContent;
  link: string | null;
  listUnsubscribe: string | null;
  /** When this attempt began: a provider is asked about messages from then on. */
  sendingAt: Date;
  /** Kivra: the person's personal number (12 digits); never stored with the message. */
  personalNumber?: string;
  /** Paper: name and postal address for the envelope window. */
  address?: { name: string; street: string; postcode: string; city: string };
}

/** A channel: sends a message, and after a crash can say whether the provider already has it. */
export interface ChannelAdapter {
  send(message: OutgoingMessage): Promise<{ providerId: string; delivered?: boolean }>;
  /** The provider's id for this message if the provider took it in an earlier attempt; null if not. */
  find?(message: OutgoingMessage): Promise<string | null>;
}

export interface OutreachDeps {
  channels: Partial<Record<Channel, ChannelAdapter>>;
  baseUrl: string;
  bankgiro: string;
  /** Opens personal numbers (for Kivra's usermatch), whichever key sealed them. */
  pnrKeys: Keyring;
}

/** The automated kinds. A code the person asked for goes at once, whatever the hour. */
const REQUESTED_KINDS = new Set(["contact_code"]);

export type SendOutcome =
  | { status: "sent" | "delivered"; channel: Channel; providerId: string; reused: boolean }
  | { status: "waiting"; until: Date; reason: string }
  | { status: "cancelled" | "failed"; reason: string }
  | { status: "done" };

/** Thrown for a failure worth another try later (pg-boss retries the job with capped backoff). */
export class RetryLater extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RetryLater";
  }
}

/**
 * Sends one message of the outbox. Safe to run any number of times, also after a crash at any
 * point: the row is marked `sending` (with its rendered content) before the provider is called,
 * and a message found `sending` is first looked for at the provider, so it is never sent twice
 * where the provider can be asked. A channel that fails for good falls back to the person's next.
 */
export async function sendMessage(db: Db, deps: OutreachDeps, messageId: string, now: Date, options: { finalAttempt?: boolean } = {}): Promise<SendOutcome> {
  for (let hop = 0; hop < 5; hop++) {
    const prepared = await prepare(db, deps, messageId, now);
    if (prepared.kind === "outcome") return prepared.outcome;
    const { message, resumed } = prepared;
    const adapter = deps.channels[message.channel];
    try {
      if (!adapter) throw new ChannelError(`no ${message.channel} channel configured`, true, "not_configured");
      const found = resumed && adapter.find ? await adapter.find(message) : null;
      const result = found ? { providerId: found, delivered: false } : await adapter.send(message);
      const status = result.delivered ? "delivered" : "sent";
      await db
        .update(outbox)
        .set({ status, providerId: result.providerId, sentAt: now, ...(result.delivered ? { deliveredAt: now } : {}), lastError: null, updatedAt: now })
        .where(and(eq(outbox.id, message.id), eq(outbox.status, "sending")));
      return { status, channel: message.channel, providerId: result.providerId, reused: !!found };
    } catch (error) {
      const e = error instanceof ChannelError ? error : new ChannelError(error instanceof Error ? error.message : String(error), false, "error");
      if (!e.permanent && !options.finalAttempt) {
        await db.update(outbox).set({ lastError: e.message.slice(0, 500), updatedAt: now }).where(eq(outbox.id, message.id));
        throw new RetryLater(e.message);
      }
      // For good (or out of tries): this channel is done; the next in the person's order is tried.
      await db
        .update(outbox)
        .set({
          status: "queued",
          failedChannels: sql`array_append(${outbox.failedChannels}, ${message.channel}::text)`,
          lastError: e.message.slice(0, 500),
          subject: null,
          bodyText: null,
          bodyHtml: null,
          rendered: null,
          recipient: null,
          updatedAt: now,
        })
        .where(eq(outbox.id, message.id));
    }
  }
  return { status: "failed", reason: "too_many_fallbacks" };
}

type Prepared = { kind: "outcome"; outcome: SendOutcome } | { kind: "message"; message: OutgoingMessage; resumed: boolean };

async function prepare(db: Db, deps: OutreachDeps, messageId: string, now: Date): Promise<Prepared> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(outbox).where(eq(outbox.id, messageId)).for("update");
    if (!row || !["queued", "sending"].includes(row.status)) return { kind: "outcome", outcome: { status: "done" } };
    const [person] = await tx
      .select({
        id: debtors.id,
        givenName: debtors.givenName,
        surname: debtors.surname,
        email: debtors.email,
        phone: debtors.phone,
        street: debtors.street,
        postcode: debtors.postcode,
        city: debtors.city,
        order: debtors.channelOrder,
        preferred: debtors.preferredChannel,
        language: debtors.language,
        pnr: debtors.personalNumberEncrypted,
      })
      .from(debtors)
      .where(eq(debtors.id, row.debtorId));
    if (!person) return { kind: "outcome", outcome: { status: "done" } };
    const today = todayInStockholm(now);
    const onHold = row.caseId ? (await casesOnHold(tx, [row.caseId], today)).has(row.caseId) : false;
    const [lastSms] = await tx
      .select({ at: outbox.sentAt })
      .from(outbox)
      .where(and(eq(outbox.debtorId, row.debtorId), eq(outbox.channel, "sms"), inArray(outbox.status, ["sent", "delivered", "sending"]), ne(outbox.kind, "contact_code"), ne(outbox.id, row.id)))
      .orderBy(desc(outbox.sentAt))
      .limit(1);
    // A support need slows the pace of automated messages: when did the last one go?
    const [need] = await tx
      .select({ id: debtorSupportNeeds.id })
      .from(debtorSupportNeeds)
      .where(and(eq(debtorSupportNeeds.debtorId, row.debtorId), isNull(debtorSupportNeeds.clearedAt)))
      .limit(1);
    const [lastAutomated] = need
      ? await tx
          .select({ at: outbox.sentAt })
          .from(outbox)
          .where(and(eq(outbox.debtorId, row.debtorId), inArray(outbox.status, ["sent", "delivered", "sending"]), notInArray(outbox.kind, [...REQUESTED_KINDS]), ne(outbox.id, row.id)))
          .orderBy(desc(outbox.sentAt))
          .limit(1)
      : [];
    const resumed = row.status === "sending";
    // A code goes to the address being added (not yet the person's), by that channel and no other.
    const code = row.kind === "contact_code" ? { address: typeof row.payload.address === "string" ? row.payload.address : null } : null;
    const decision = decideDispatch({
      now,
      scheduledFor: row.scheduledFor,
      expiresAt: row.expiresAt,
      failedChannels: row.failedChannels,
      committedChannel: resumed ? row.channel : null,
      person: {
        order: code ? [row.channel] : channelOrder(person.order, person.preferred),
        hasEmail: code ? row.channel === "email" && !!code.address : !!person.email,
        hasPhone: code ? row.channel === "sms" && !!code.address : !!person.phone,
        hasAddress: !!(person.street && person.postcode && person.city),
        lastSmsAt: lastSms?.at ?? null,
      },
      caseOnHold: onHold,
      supportNeed: !!need,
      lastAutomatedAt: lastAutomated?.at ?? null,
      requested: REQUESTED_KINDS.has(row.kind),
    });
    if (decision.action === "cancel") {
      const status = decision.reason === "no_channel" ? "failed" : "cancelled";
      await tx.update(outbox).set({ status, lastError: decision.reason, updatedAt: now }).where(eq(outbox.id, row.id));
      return { kind: "outcome", outcome: { status, reason: decision.reason } };
    }
    if (decision.action === "wait") {
      await tx.update(outbox).set({ scheduledFor: decision.until, updatedAt: now }).where(eq(outbox.id, row.id));
      return { kind: "outcome", outcome: { status: "waiting", until: decision.until, reason: decision.reason } };
    }
    const channel = decision.channel;
    const language: Language = (resumed && row.language) || person.language;
    const recipient = code ? code.address : channel === "email" ? person.email : channel === "sms" ? person.phone : null;
    let content = row.rendered as unknown as MessageContent | null;
    let link: string | null = (row.rendered as { link?: string } | null)?.link ?? null;
    let subject = row.subject;
    let text = row.bodyText;
    let html = row.bodyHtml;
    let sendingAt = row.sendingAt ?? now;
    const unsubscribe = `${deps.baseUrl}/preferences`;
    if (!resumed || !content) {
      content = await renderContent(tx, { debtorId: row.debtorId, caseId: row.caseId, kind: row.kind, payload: row.payload, language, now, bankgiro: deps.bankgiro });
      link = null;
      let deepLinkId: string | null = null;
      if (row.kind !== "contact_code") {
        const created = await createDeepLinkRow(tx, { debtorId: row.debtorId, caseId: row.caseId, channel, outboxId: row.id, now });
        link = `${deps.baseUrl}/l/${created.token}`;
        deepLinkId = created.id;
      }
      const listUnsubscribe = content.reminder ? unsubscribe : null;
      subject = content.subject;
      text = channel === "sms" ? smsText(content, link) : emailText(content, link, channel === "email" ? listUnsubscribe : null);
      html = channel === "email" ? emailHtml(content, link, listUnsubscribe, language) : null;
      sendingAt = now;
      await tx
        .update(outbox)
        .set({
          status: "sending",
          channel,
          language,
          subject,
          bodyText: text,
          bodyHtml: html,
          rendered: { ...content, link } as unknown as Record<string, unknown>,
          recipient,
          deepLinkId,
          attempts: sql`${outbox.attempts} + 1`,
          sendingAt: now,
          updatedAt: now,
        })
        .where(eq(outbox.id, row.id));
    } else {
      await tx.update(outbox).set({ attempts: sql`${outbox.attempts} + 1`, updatedAt: now }).where(eq(outbox.id, row.id));
    }
    return {
      kind: "message",
      resumed,
      message: {
        id: row.id,
        kind: row.kind,
        channel,
        language,
        recipient: resumed ? row.recipient : recipient,
        subject: subject ?? "",
        text: text ?? "",
        html,
        content,
        link,
        listUnsubscribe: content.reminder ? unsubscribe : null,
        sendingAt,
        personalNumber: channel === "kivra" ? openPersonalNumber(person.pnr, deps.pnrKeys) : undefined,
        address: channel === "paper" ? { name: `${person.givenName} ${person.surname}`, street: person.street ?? "", postcode: person.postcode ?? "", city: person.city ?? "" } : undefined,
      },
    };
  });
}
