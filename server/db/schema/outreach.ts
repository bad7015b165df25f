import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { debtors } from "./debtors";
import { channelEnum, languageEnum, outboxStatusEnum } from "./enums";

/**
 * Every message to a debtor, written in the same transaction as the event that causes it and
 * delivered by the `outbox-send` worker: queued → sending → sent → delivered | failed | unknown.
 * The content is rendered once, when the message is first sent, in the person's language and
 * channel, and kept: a retry sends exactly what the first attempt sent.
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    caseId: uuid("case_id").references(() => cases.id),
    /** The channel it goes (or went) by; chosen from the person's order when it is first sent. */
    channel: channelEnum("channel").notNull(),
    /** collection_letter | pre_due_reminder | plan_reminder | plan_missed | plan_lapsed | plan_confirmed | receipt | reply_notification | dispute_outcome | callback_confirmed | data_access_ready | contact_code */
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: outboxStatusEnum("status").notNull().default("queued"),
    /** Unique per logical message, so a job that runs twice sends once. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }).notNull(),
    /** After this moment the message no longer makes sense (a reminder for a date gone by). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    language: languageEnum("language"),
    subject: text("subject"),
    bodyText: text("body_text"),
    bodyHtml: text("body_html"),
    /** The rendered letter as data (paragraphs, amounts, payment slip), for the PDF of Kivra and paper. */
    rendered: jsonb("rendered").$type<Record<string, unknown>>(),
    /** The address it went to (a phone number or e-mail address; for Kivra and paper, empty). */
    recipient: text("recipient"),
    /** The provider's id for it (46elks id, SMTP Message-ID, Kivra content key, print batch). */
    providerId: text("provider_id"),
    providerStatus: text("provider_status"),
    /** Channels that failed for good, in order: the next one in the person's order is tried. */
    failedChannels: text("failed_channels").array().notNull().default(sql`'{}'::text[]`),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** The deep link it carries (its token is in the content; only its hash is stored). */
    deepLinkId: uuid("deep_link_id"),
    sendingAt: timestamp("sending_at", { withTimezone: true }),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("outbox_pending_idx").on(t.status, t.scheduledFor),
    index("outbox_debtor_idx").on(t.debtorId, t.createdAt),
    index("outbox_provider_idx").on(t.providerId),
    // The insights rollup finds each case's first collection letter.
    index("outbox_case_letter_idx").on(t.caseId).where(sql`${t.kind} = 'collection_letter'`),
  ],
);

/** A link in a message: the token itself is never stored, only its hash. */
export const deepLinkTokens = pgTable(
  "deep_link_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull().unique(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    caseId: uuid("case_id").references(() => cases.id),
    channel: channelEnum("channel").notNull(),
    outboxId: uuid("outbox_id").references(() => outbox.id),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    openedCount: integer("opened_count").notNull().default(0),
    lastOpenedAt: timestamp("last_opened_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deep_link_tokens_debtor_idx").on(t.debtorId)],
);

/** Each time a deep link was opened (for "which message led to the payment"). */
export const deepLinkOpens = pgTable(
  "deep_link_opens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    linkId: uuid("link_id")
      .notNull()
      .references(() => deepLinkTokens.id),
    /** Whether the person who signed in afterwards was the one the link was for. */
    outcome: text("outcome").notNull().default("opened"),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("deep_link_opens_link_idx").on(t.linkId)],
);

/** A six-digit code sent to a new phone number or e-mail address; only its hash is kept. */
export const contactVerifications = pgTable(
  "contact_verifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    channel: channelEnum("channel").notNull(),
    address: text("address").notNull(),
    codeHash: text("code_hash").notNull(),
    attempts: integer("attempts").notNull().default(0),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    verifiedAt: timestamp("verified_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("contact_verifications_debtor_idx").on(t.debtorId, t.createdAt)],
);

/**
 * Kivra's `settled` payment webhooks: which letter (content key) a payment in the Kivra app was
 * for. The money itself arrives by bankgiro or Swish and is booked from there; this only says
 * which message led to it. Each event once (Kivra keeps its id across retries).
 */
export const kivraPaymentEvents = pgTable(
  "kivra_payment_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: text("event_id").notNull().unique(),
    contentKey: text("content_key").notNull(),
    outboxId: uuid("outbox_id").references(() => outbox.id),
    reference: text("reference").notNull(),
    amountOre: integer("amount_ore").notNull(),
    /** The booked payment it was matched to. */
    paymentId: uuid("payment_id"),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("kivra_payment_events_reference_idx").on(t.reference)],
);
