import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases";
import { creditors } from "./creditors";
import { debtors } from "./debtors";
import { workItemKindEnum, workItemStatusEnum } from "./enums";
import { staffUsers } from "./staff";

/**
 * The staff work queue: one row per thing a person has to act on (a message, a callback, a
 * dispute …), pointing at the row it is about (`subjectId`), with the moment it is due by.
 * Written in the same transaction as the thing itself, so the queue never misses an item.
 */
export const workItems = pgTable(
  "work_items",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: workItemKindEnum("kind").notNull(),
    /** The id of the thread, callback, dispute, plan, payment … this item is about. */
    subjectId: uuid("subject_id").notNull(),
    debtorId: uuid("debtor_id").references(() => debtors.id),
    caseId: uuid("case_id").references(() => cases.id),
    creditorId: uuid("creditor_id").references(() => creditors.id),
    status: workItemStatusEnum("status").notNull().default("open"),
    /** When it must be answered or done by (reply time, callback window, legal clocks). */
    dueBy: timestamp("due_by", { withTimezone: true }).notNull(),
    /** While waiting on the debtor the clock stands still: this is when it stopped. */
    pausedAt: timestamp("paused_at", { withTimezone: true }),
    assignedTo: uuid("assigned_to").references(() => staffUsers.id),
    /** A line for the queue ("Meddelande om K-2026-004211"), never personal data. */
    summary: text("summary"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("work_items_subject_idx").on(t.kind, t.subjectId),
    index("work_items_open_due_idx").on(t.dueBy).where(sql`${t.status} <> 'done'`),
    // The queue's own order: open items by deadline, then those waiting on the debtor.
    index("work_items_queue_order_idx").on(sql`(${t.status} = 'waiting_on_debtor')`, t.dueBy, t.id).where(sql`${t.status} <> 'done'`),
    index("work_items_assignee_idx").on(t.assignedTo, t.dueBy).where(sql`${t.status} <> 'done'`),
    index("work_items_debtor_idx").on(t.debtorId),
    index("work_items_creditor_idx").on(t.creditorId, t.dueBy).where(sql`${t.status} <> 'done'`),
  ],
);
