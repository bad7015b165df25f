import { date, index, pgTable, primaryKey, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { debtors } from "./debtors";
import { messageAuthorEnum, threadStatusEnum } from "./enums";
import { staffUsers } from "./staff";

/**
 * A conversation with us about one subject: a case, or (case null) a general question. One per
 * person and subject, so everything said about a case reads as one conversation.
 */
export const threads = pgTable(
  "threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    caseId: uuid("case_id").references(() => cases.id),
    status: threadStatusEnum("status").notNull().default("waiting_for_us"),
    /** The day we promised to answer by (set when the person writes). */
    replyDueOn: date("reply_due_on", { mode: "string" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
    handledAt: timestamp("handled_at", { withTimezone: true }),
  },
  (t) => [
    unique("threads_subject_unique").on(t.debtorId, t.caseId).nullsNotDistinct(),
    index("threads_debtor_idx").on(t.debtorId),
    index("threads_status_idx").on(t.status, t.lastMessageAt),
  ],
);

export const messages = pgTable(
  "messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => threads.id, { onDelete: "cascade" }),
    author: messageAuthorEnum("author").notNull(),
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    body: text("body").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** For our replies: when the person first saw it (unread while null). */
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("messages_thread_idx").on(t.threadId, t.createdAt)],
);

/**
 * What a person had written when a message was refused (a file of the wrong kind, too long), so the
 * form shows it again: forms here work without JavaScript and post whole pages. One per subject
 * ("general" or a case id); removed when the message is sent.
 */
export const messageDrafts = pgTable(
  "message_drafts",
  {
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    subjectKey: text("subject_key").notNull(),
    body: text("body").notNull(),
    /** Why the last try was refused, and the file it was about (shown once, never in a URL). */
    errorCode: text("error_code"),
    errorFile: text("error_file"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.debtorId, t.subjectKey] })],
);

