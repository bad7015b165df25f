import { index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { debtors } from "./debtors";
import { channelEnum, outboxStatusEnum } from "./enums";

/** Letters and reminders waiting to go out in the debtor's channel. */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    caseId: uuid("case_id").references(() => cases.id),
    channel: channelEnum("channel").notNull(),
    /** pre_due_reminder | collection_letter | plan_reminder | plan_lapsed | receipt … */
    kind: text("kind").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: outboxStatusEnum("status").notNull().default("pending"),
    /** Unique per logical message, so a job that runs twice sends once. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    scheduledFor: timestamp("scheduled_for", { withTimezone: true }).notNull(),
    attempts: integer("attempts").notNull().default(0),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_pending_idx").on(t.status, t.scheduledFor)],
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
