import { index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { debtors } from "./debtors";
import { messageAuthorEnum, threadStatusEnum } from "./enums";
import { staffUsers } from "./staff";

export const threads = pgTable(
  "threads",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    debtorId: uuid("debtor_id")
      .notNull()
      .references(() => debtors.id),
    caseId: uuid("case_id").references(() => cases.id),
    subject: text("subject").notNull(),
    status: threadStatusEnum("status").notNull().default("waiting_for_us"),
    /** Callback request: the number and time window the person asked for. */
    callbackPhone: text("callback_phone"),
    callbackWindow: text("callback_window"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp("last_message_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("threads_debtor_idx").on(t.debtorId), index("threads_status_idx").on(t.status, t.lastMessageAt)],
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
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("messages_thread_idx").on(t.threadId, t.createdAt)],
);
